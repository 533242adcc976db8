using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Xunit;
using VerifyCS = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.StorageNotEncryptedAnalyzer, CdkLint.CodeFixes.Rules.StorageNotEncryptedFixer>;

namespace CdkLint.Tests.Rules
{
    public class StorageNotEncryptedTests
    {
        private const string Usings = "using Amazon.CDK.AWS.EC2;\nusing Amazon.CDK.AWS.RDS;\nusing Amazon.CDK.AWS.KMS;\n";

        [Theory, CdkVersions]
        public Task Databases_are_encrypted_by_the_fix(CdkVersion version) => VerifyCS.Fix(version,
            Code.StackWith(Usings, """
                        var vpc = new Vpc(this, "Vpc");
                        {|CDK2007:new DatabaseInstance(this, "Orders", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc })|};
                        var clusterProps = new DatabaseClusterProps { Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = vpc, Writer = ClusterInstance.Provisioned("Writer") };
                        {|CDK2007:new DatabaseCluster(this, "Catalog", clusterProps)|};
                        new DatabaseInstance(this, "Reports", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, StorageEncrypted = {|CDK2007:false|} });
            """),
            Code.StackWith(Usings, """
                        var vpc = new Vpc(this, "Vpc");
                        new DatabaseInstance(this, "Orders", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, StorageEncrypted = true });
                        var clusterProps = new DatabaseClusterProps { Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = vpc, Writer = ClusterInstance.Provisioned("Writer"), StorageEncrypted = true };
                        new DatabaseCluster(this, "Catalog", clusterProps);
                        new DatabaseInstance(this, "Reports", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, StorageEncrypted = true });
            """));

        [Theory, CdkVersions]
        public Task Databases_with_a_key_replicas_and_snapshots_are_quiet_unless_they_turn_it_off(CdkVersion version) => VerifyCS.Fix(version,
            Code.StackWith(Usings, """
                        var vpc = new Vpc(this, "Vpc");
                        var key = new Key(this, "DbKey", new KeyProps { EnableKeyRotation = true });
                        var source = new DatabaseInstance(this, "Source", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, StorageEncryptionKey = key });
                        new DatabaseInstanceReadReplica(this, "Replica", new DatabaseInstanceReadReplicaProps { SourceDatabaseInstance = source, InstanceType = Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.T3, InstanceSize.MEDIUM), Vpc = vpc });
                        new DatabaseInstanceFromSnapshot(this, "Restored", new DatabaseInstanceFromSnapshotProps { SnapshotIdentifier = "orders-final", Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc });
                        new DatabaseClusterFromSnapshot(this, "RestoredCluster", new DatabaseClusterFromSnapshotProps { SnapshotIdentifier = "catalog-final", Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = vpc, Writer = ClusterInstance.Provisioned("Writer"), StorageEncrypted = {|CDK2007:false|} });
                        var encrypt = (string)Node.TryGetContext("encrypt") == "yes";
                        new DatabaseInstance(this, "Chosen", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, StorageEncrypted = encrypt });
            """),
            Code.StackWith(Usings, """
                        var vpc = new Vpc(this, "Vpc");
                        var key = new Key(this, "DbKey", new KeyProps { EnableKeyRotation = true });
                        var source = new DatabaseInstance(this, "Source", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, StorageEncryptionKey = key });
                        new DatabaseInstanceReadReplica(this, "Replica", new DatabaseInstanceReadReplicaProps { SourceDatabaseInstance = source, InstanceType = Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.T3, InstanceSize.MEDIUM), Vpc = vpc });
                        new DatabaseInstanceFromSnapshot(this, "Restored", new DatabaseInstanceFromSnapshotProps { SnapshotIdentifier = "orders-final", Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc });
                        new DatabaseClusterFromSnapshot(this, "RestoredCluster", new DatabaseClusterFromSnapshotProps { SnapshotIdentifier = "catalog-final", Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = vpc, Writer = ClusterInstance.Provisioned("Writer"), StorageEncrypted = {|CDK2007:false|} });
                        var encrypt = (string)Node.TryGetContext("encrypt") == "yes";
                        new DatabaseInstance(this, "Chosen", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, StorageEncrypted = encrypt });
            """));

        [Theory, CdkVersions]
        public Task Volumes_and_block_devices_are_encrypted_by_the_fix(CdkVersion version) => VerifyCS.Fix(version,
            Code.StackWith(Usings + "using Amazon.CDK.AWS.AutoScaling;\n", """
                        {|CDK2007:new Volume(this, "Data", new VolumeProps { AvailabilityZone = "eu-west-1a", Size = Size.Gibibytes(20) })|};
                        var devices = new[]
                        {
                            new Amazon.CDK.AWS.EC2.BlockDevice { DeviceName = "/dev/xvda", Volume = {|CDK2007:Amazon.CDK.AWS.EC2.BlockDeviceVolume.Ebs(30)|} },
                            new Amazon.CDK.AWS.EC2.BlockDevice { DeviceName = "/dev/xvdb", Volume = {|CDK2007:Amazon.CDK.AWS.EC2.BlockDeviceVolume.Ebs(100, new Amazon.CDK.AWS.EC2.EbsDeviceOptions { VolumeType = Amazon.CDK.AWS.EC2.EbsDeviceVolumeType.GP3 })|} },
                            new Amazon.CDK.AWS.EC2.BlockDevice { DeviceName = "/dev/xvdc", Volume = Amazon.CDK.AWS.EC2.BlockDeviceVolume.Ebs(10, new Amazon.CDK.AWS.EC2.EbsDeviceOptions { Encrypted = {|CDK2007:false|} }) },
                        };
                        var scaled = new Amazon.CDK.AWS.AutoScaling.BlockDevice { DeviceName = "/dev/xvda", Volume = {|CDK2007:Amazon.CDK.AWS.AutoScaling.BlockDeviceVolume.Ebs(30)|} };
            """),
            Code.StackWith(Usings + "using Amazon.CDK.AWS.AutoScaling;\n", """
                        new Volume(this, "Data", new VolumeProps { AvailabilityZone = "eu-west-1a", Size = Size.Gibibytes(20), Encrypted = true });
                        var devices = new[]
                        {
                            new Amazon.CDK.AWS.EC2.BlockDevice { DeviceName = "/dev/xvda", Volume = Amazon.CDK.AWS.EC2.BlockDeviceVolume.Ebs(30, new Amazon.CDK.AWS.EC2.EbsDeviceOptions { Encrypted = true }) },
                            new Amazon.CDK.AWS.EC2.BlockDevice { DeviceName = "/dev/xvdb", Volume = Amazon.CDK.AWS.EC2.BlockDeviceVolume.Ebs(100, new Amazon.CDK.AWS.EC2.EbsDeviceOptions { VolumeType = Amazon.CDK.AWS.EC2.EbsDeviceVolumeType.GP3, Encrypted = true }) },
                            new Amazon.CDK.AWS.EC2.BlockDevice { DeviceName = "/dev/xvdc", Volume = Amazon.CDK.AWS.EC2.BlockDeviceVolume.Ebs(10, new Amazon.CDK.AWS.EC2.EbsDeviceOptions { Encrypted = true }) },
                        };
                        var scaled = new Amazon.CDK.AWS.AutoScaling.BlockDevice { DeviceName = "/dev/xvda", Volume = Amazon.CDK.AWS.AutoScaling.BlockDeviceVolume.Ebs(30, new Amazon.CDK.AWS.AutoScaling.EbsDeviceOptions { Encrypted = true }) };
            """));

        [Theory, CdkVersions]
        public Task Encrypted_volumes_and_snapshot_devices_are_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith(Usings, """
                        new Volume(this, "Data", new VolumeProps { AvailabilityZone = "eu-west-1a", Size = Size.Gibibytes(20), Encrypted = true });
                        var fromSnapshot = BlockDeviceVolume.EbsFromSnapshot("snap-0123456789abcdef0");
                        var encrypted = BlockDeviceVolume.Ebs(30, new EbsDeviceOptions { Encrypted = true });
                        var shared = new EbsDeviceOptions { Encrypted = true, VolumeType = EbsDeviceVolumeType.GP3 };
                        foreach (var size in new[] { 10, 20 })
                        {
                            BlockDeviceVolume.Ebs(size, shared);
                        }
            """));

        [Theory, CdkVersions]
        public Task Queues_streams_and_file_systems_that_turn_encryption_off_are_fixed(CdkVersion version) => VerifyCS.Fix(version,
            Code.StackWith(Usings + "using Amazon.CDK.AWS.Kinesis;\nusing Efs = Amazon.CDK.AWS.EFS;\n", """
                        var vpc = new Vpc(this, "Vpc");
                        new Queue(this, "Plain", new QueueProps { Encryption = {|CDK2007:QueueEncryption.UNENCRYPTED|} });
                        new Stream(this, "Clicks", new StreamProps { Encryption = {|CDK2007:StreamEncryption.UNENCRYPTED|} });
                        new Efs.FileSystem(this, "Shared", new Efs.FileSystemProps { Vpc = vpc, Encrypted = {|CDK2007:false|} });
            """),
            Code.StackWith(Usings + "using Amazon.CDK.AWS.Kinesis;\nusing Efs = Amazon.CDK.AWS.EFS;\n", """
                        var vpc = new Vpc(this, "Vpc");
                        new Queue(this, "Plain", new QueueProps { Encryption = QueueEncryption.SQS_MANAGED });
                        new Stream(this, "Clicks", new StreamProps { Encryption = StreamEncryption.MANAGED });
                        new Efs.FileSystem(this, "Shared", new Efs.FileSystemProps { Vpc = vpc, Encrypted = true });
            """));

        [Theory, CdkVersions]
        public Task Stores_encrypted_by_default_are_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith(Usings + "using Amazon.CDK.AWS.Kinesis;\nusing Efs = Amazon.CDK.AWS.EFS;\n", """
                        var vpc = new Vpc(this, "Vpc");
                        new Queue(this, "Default");
                        new Queue(this, "Kms", new QueueProps { Encryption = QueueEncryption.KMS_MANAGED });
                        new Stream(this, "Clicks");
                        new Efs.FileSystem(this, "Shared", new Efs.FileSystemProps { Vpc = vpc });
                        new Bucket(this, "Assets", new BucketProps { Encryption = BucketEncryption.UNENCRYPTED });
                        new Table(this, "Orders", new TableProps { PartitionKey = new Attribute { Name = "id", Type = AttributeType.STRING } });
            """));

        [Theory, CdkVersions]
        public Task OpenSearch_domains_are_encrypted_where_cdk_accepts_it(CdkVersion version) => VerifyCS.Fix(version,
            Code.StackWith("using Amazon.CDK.AWS.KMS;\nusing Amazon.CDK.AWS.OpenSearchService;\n", """
                        {|CDK2007:new Domain(this, "Search", new DomainProps { Version = EngineVersion.OPENSEARCH_1_3 })|};
                        new Domain(this, "Logs", new DomainProps { Version = EngineVersion.OPENSEARCH_1_3, EncryptionAtRest = {|CDK2007:new EncryptionAtRestOptions { }|} });
                        new Domain(this, "Off", new DomainProps { Version = EngineVersion.ELASTICSEARCH_7_10, EncryptionAtRest = new EncryptionAtRestOptions { Enabled = {|CDK2007:false|} } });
                        {|CDK2007:new Domain(this, "Old", new DomainProps { Version = EngineVersion.ELASTICSEARCH_2_3 })|};
                        {|CDK2007:new Domain(this, "Small", new DomainProps { Version = EngineVersion.OPENSEARCH_1_3, Capacity = new CapacityConfig { DataNodeInstanceType = "t2.small.search" } })|};
            """),
            Code.StackWith("using Amazon.CDK.AWS.KMS;\nusing Amazon.CDK.AWS.OpenSearchService;\n", """
                        new Domain(this, "Search", new DomainProps { Version = EngineVersion.OPENSEARCH_1_3, EncryptionAtRest = new EncryptionAtRestOptions { Enabled = true } });
                        new Domain(this, "Logs", new DomainProps { Version = EngineVersion.OPENSEARCH_1_3, EncryptionAtRest = new EncryptionAtRestOptions { Enabled = true } });
                        new Domain(this, "Off", new DomainProps { Version = EngineVersion.ELASTICSEARCH_7_10, EncryptionAtRest = new EncryptionAtRestOptions { Enabled = true } });
                        {|CDK2007:new Domain(this, "Old", new DomainProps { Version = EngineVersion.ELASTICSEARCH_2_3 })|};
                        {|CDK2007:new Domain(this, "Small", new DomainProps { Version = EngineVersion.OPENSEARCH_1_3, Capacity = new CapacityConfig { DataNodeInstanceType = "t2.small.search" } })|};
            """));

        [Theory, CdkVersions]
        public Task OpenSearch_domains_with_a_key_or_encryption_on_are_quiet(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith("using Amazon.CDK.AWS.KMS;\nusing Amazon.CDK.AWS.OpenSearchService;\n", """
                        var key = new Key(this, "SearchKey", new KeyProps { EnableKeyRotation = true });
                        new Domain(this, "Keyed", new DomainProps { Version = EngineVersion.OPENSEARCH_1_3, EncryptionAtRest = new EncryptionAtRestOptions { KmsKey = key } });
                        new Domain(this, "On", new DomainProps { Version = EngineVersion.OPENSEARCH_1_3, EncryptionAtRest = new EncryptionAtRestOptions { Enabled = true } });
            """));

        [Theory, CdkVersions]
        public Task A_subclass_is_judged_at_its_base_call(CdkVersion version) => VerifyCS.Diagnostics(version,
            Usings + """
            using Amazon.CDK;
            using Constructs;

            namespace App
            {
                public class OrdersDatabase : DatabaseInstance
                {
                    public OrdersDatabase(Construct scope, string id, IVpc vpc)
                        {|CDK2007:: base(scope, id, new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc })|}
                    {
                    }
                }
            }
            """);
    }
}
