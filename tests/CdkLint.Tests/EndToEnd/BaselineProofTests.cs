using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace CdkLint.Tests.EndToEnd
{
    /// <summary>
    /// The differential check of the baseline rules against cdk-nag: one C# app holds every case, each case a method of
    /// its stack creating constructs whose ids start with the case's name; the app is synthesized once (CDK 2.160; its cases spread over a few stacks, since a stack holds at most 500 resources),
    /// cdk-nag's AwsSolutions pack judges the template, CdkLint judges the source, and the two verdicts are compared per
    /// case. Where they differ on purpose, the case names the divergence, and the rule's page says so too.
    /// </summary>
    [Trait("Category", "EndToEnd")]
    public sealed class BaselineProofTests
    {
        /// <summary>One case: its code, the CdkLint rule and the cdk-nag rule it is judged by, and both expected verdicts.</summary>
        private sealed record Case(string Name, string CdkLint, string Nag, bool CdkLintFlags, bool NagFlags, string Code, string? Divergence = null, bool HasFix = true, bool Alone = false);

        private static readonly Case[] Cases =
        {
            // CDK2009 / KMS5
            new("KmsUnset", "CDK2009", "AwsSolutions-KMS5", true, true, """new Key(this, "KmsUnset");"""),
            new("KmsFalse", "CDK2009", "AwsSolutions-KMS5", true, true, """new Key(this, "KmsFalse", new KeyProps { EnableKeyRotation = false });"""),
            new("KmsOn", "CDK2009", "AwsSolutions-KMS5", false, false, """new Key(this, "KmsOn", new KeyProps { EnableKeyRotation = true });"""),
            new("KmsRsa", "CDK2009", "AwsSolutions-KMS5", false, false, """new Key(this, "KmsRsa", new KeyProps { KeySpec = KeySpec.RSA_2048, KeyUsage = KeyUsage.SIGN_VERIFY });"""),
            new("KmsPeriod", "CDK2009", "AwsSolutions-KMS5", false, false, """new Key(this, "KmsPeriod", new KeyProps { RotationPeriod = Duration.Days(90) });"""),

            // CDK1006 / RDS10
            new("RdsUnset", "CDK1006", "AwsSolutions-RDS10", true, true, """new DatabaseInstance(this, "RdsUnset", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = Net });"""),
            new("RdsSnapshot", "CDK1006", "AwsSolutions-RDS10", true, true, """new DatabaseInstance(this, "RdsSnapshot", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = Net, RemovalPolicy = RemovalPolicy.SNAPSHOT });"""),
            new("RdsRetain", "CDK1006", "AwsSolutions-RDS10", false, false, """new DatabaseInstance(this, "RdsRetain", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = Net, RemovalPolicy = RemovalPolicy.RETAIN });"""),
            new("RdsProtected", "CDK1006", "AwsSolutions-RDS10", false, false, """new DatabaseInstance(this, "RdsProtected", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = Net, DeletionProtection = true });"""),
            new("RdsDestroy", "CDK1006", "AwsSolutions-RDS10", false, true, """new DatabaseInstance(this, "RdsDestroy", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = Net, RemovalPolicy = RemovalPolicy.DESTROY });""",
                "an explicit DESTROY is a decision for a throw-away database"),
            new("RdsRuntime", "CDK1006", "AwsSolutions-RDS10", false, true, """new DatabaseInstance(this, "RdsRuntime", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = Net, DeletionProtection = (string)Node.TryGetContext("stage") == "prod" });""",
                "protection chosen at run time is a decision per environment (this synth has no stage, so it is off)"),
            new("AuroraUnset", "CDK1006", "AwsSolutions-RDS10", true, true, """new DatabaseCluster(this, "AuroraUnset", new DatabaseClusterProps { Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = Net, Writer = ClusterInstance.Provisioned("Writer") });"""),

            // CDK4007 / ECS4
            new("EcsUnset", "CDK4007", "AwsSolutions-ECS4", true, true, """new Cluster(this, "EcsUnset", new ClusterProps { Vpc = Net });"""),
            new("EcsOn", "CDK4007", "AwsSolutions-ECS4", false, false, """new Cluster(this, "EcsOn", new ClusterProps { Vpc = Net, ContainerInsights = true });"""),
            new("EcsOff", "CDK4007", "AwsSolutions-ECS4", false, true, """new Cluster(this, "EcsOff", new ClusterProps { Vpc = Net, ContainerInsights = false });""",
                "Container Insights set off is a decision"),

            // CDK4008 / VPC7
            new("VpcUnset", "CDK4008", "AwsSolutions-VPC7", true, true, """new Vpc(this, "VpcUnset", new VpcProps { MaxAzs = 1 });"""),
            new("VpcProps", "CDK4008", "AwsSolutions-VPC7", false, false, """new Vpc(this, "VpcProps", new VpcProps { MaxAzs = 1, FlowLogs = new Dictionary<string, IFlowLogOptions> { ["All"] = new FlowLogOptions() } });"""),
            new("VpcAdded", "CDK4008", "AwsSolutions-VPC7", false, false, """var vpc = new Vpc(this, "VpcAdded", new VpcProps { MaxAzs = 1 }); vpc.AddFlowLog("Rejected", new FlowLogOptions { TrafficType = FlowLogTrafficType.REJECT });"""),
            // CDK2005 (container environments) / ECS2: no fix (a secret needs a home only the team can create).
            new("EnvSecret", "CDK2005", "AwsSolutions-ECS2", true, true, """new FargateTaskDefinition(this, "EnvSecret").AddContainer("Web", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx"), Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { StreamPrefix = "web" }), Environment = new Dictionary<string, string> { ["API_KEY"] = "sk_live_51H8x2bQ9vZ3kLmN0pQrStUv" } });""", HasFix: false),
            new("EnvPlain", "CDK2005", "AwsSolutions-ECS2", false, true, """new FargateTaskDefinition(this, "EnvPlain").AddContainer("Web", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx"), Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { StreamPrefix = "web" }), Environment = new Dictionary<string, string> { ["PORT"] = "8080" } });""",
                "ECS2 reports every plain-text container variable; CDK2005 only values that look like credentials or personal data", HasFix: false),
            new("EnvNone", "CDK2005", "AwsSolutions-ECS2", false, false, """new FargateTaskDefinition(this, "EnvNone").AddContainer("Web", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx"), Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { StreamPrefix = "web" }) });""", HasFix: false),

            // CDK2006 / SQS4, SNS3 (CDK 2.160: a topic's EnforceSSL writes its deny only beside another policy statement)
            new("QueueUnset", "CDK2006", "AwsSolutions-SQS4", true, true, """new Queue(this, "QueueUnset");"""),
            new("QueueOn", "CDK2006", "AwsSolutions-SQS4", false, false, """new Queue(this, "QueueOn", new QueueProps { EnforceSSL = true });"""),
            new("QueueByHand", "CDK2006", "AwsSolutions-SQS4", false, false, """var q = new Queue(this, "QueueByHand"); q.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps { Effect = Effect.DENY, Principals = new IPrincipal[] { new AnyPrincipal() }, Actions = new[] { "sqs:*" }, Resources = new[] { q.QueueArn }, Conditions = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } } }));"""),
            new("TopicUnset", "CDK2006", "AwsSolutions-SNS3", true, true, """var t = new Topic(this, "TopicUnset");"""),
            new("TopicLonely", "CDK2006", "AwsSolutions-SNS3", true, true, """var t = new Topic(this, "TopicLonely", new TopicProps { EnforceSSL = true });"""),
            new("TopicGranted", "CDK2006", "AwsSolutions-SNS3", false, false, """var t = new Topic(this, "TopicGranted", new TopicProps { EnforceSSL = true }); t.GrantPublish(new ServicePrincipal("events.amazonaws.com"));"""),
            new("TopicDenied", "CDK2006", "AwsSolutions-SNS3", false, false, """var t = new Topic(this, "TopicDenied"); t.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps { Effect = Effect.DENY, Principals = new IPrincipal[] { new AnyPrincipal() }, Actions = new[] { "sns:Publish" }, Resources = new[] { t.TopicArn }, Conditions = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } } }));"""),
            new("TopicKey", "CDK2006", "AwsSolutions-SNS3", true, false, """var t = new Topic(this, "TopicKey", new TopicProps { MasterKey = new Key(this, "TopicKeyKey", new KeyProps { EnableKeyRotation = true }) });""",
                "SNS3 passes a topic with a MasterKey; encryption at rest does not stop plain-HTTP requests"),

            // CDK4005 / SF1, SF2
            new("SfnBareLogs", "CDK4005", "AwsSolutions-SF1", true, true, """new StateMachine(this, "SfnBareLogs", new StateMachineProps { DefinitionBody = DefinitionBody.FromChainable(new Pass(this, "SfnBareLogsStart")) });"""),
            new("SfnBareTrace", "CDK4005", "AwsSolutions-SF2", true, true, """new StateMachine(this, "SfnBareTrace", new StateMachineProps { DefinitionBody = DefinitionBody.FromChainable(new Pass(this, "SfnBareTraceStart")) });"""),
            new("SfnAll", "CDK4005", "AwsSolutions-SF1", false, false, """new StateMachine(this, "SfnAll", new StateMachineProps { DefinitionBody = DefinitionBody.FromChainable(new Pass(this, "SfnAllStart")), TracingEnabled = true, Logs = new LogOptions { Destination = new LogGroup(this, "SfnAllLogs", new LogGroupProps { Retention = RetentionDays.ONE_MONTH }), Level = LogLevel.ALL } });"""),
            new("SfnErrors", "CDK4005", "AwsSolutions-SF1", false, true, """new StateMachine(this, "SfnErrors", new StateMachineProps { DefinitionBody = DefinitionBody.FromChainable(new Pass(this, "SfnErrorsStart")), TracingEnabled = true, Logs = new LogOptions { Destination = new LogGroup(this, "SfnErrorsLogs", new LogGroupProps { Retention = RetentionDays.ONE_MONTH }), Level = LogLevel.ERROR } });""",
                "a log level below ALL is a decision; SF1 asks for ALL"),
            new("SfnTraceOff", "CDK4005", "AwsSolutions-SF2", false, true, """new StateMachine(this, "SfnTraceOff", new StateMachineProps { DefinitionBody = DefinitionBody.FromChainable(new Pass(this, "SfnTraceOffStart")), TracingEnabled = false, Logs = new LogOptions { Destination = new LogGroup(this, "SfnTraceOffLogs", new LogGroupProps { Retention = RetentionDays.ONE_MONTH }), Level = LogLevel.ALL } });""",
                "TracingEnabled = false is a decision"),

            // CDK4006 / ECS7
            new("LogNone", "CDK4006", "AwsSolutions-ECS7", true, true, """new FargateTaskDefinition(this, "LogNone").AddContainer("Web", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });"""),
            new("LogAws", "CDK4006", "AwsSolutions-ECS7", false, false, """new FargateTaskDefinition(this, "LogAws").AddContainer("Web", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx"), Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { StreamPrefix = "web", LogRetention = RetentionDays.ONE_MONTH }) });"""),
            new("LogPattern", "CDK4006", "AwsSolutions-ECS7", false, false, """new Amazon.CDK.AWS.ECS.Patterns.ApplicationLoadBalancedFargateService(this, "LogPattern", new Amazon.CDK.AWS.ECS.Patterns.ApplicationLoadBalancedFargateServiceProps { Cluster = new Cluster(this, "LogPatternCluster", new ClusterProps { Vpc = Net, ContainerInsights = true }), TaskImageOptions = new Amazon.CDK.AWS.ECS.Patterns.ApplicationLoadBalancedTaskImageOptions { Image = ContainerImage.FromRegistry("nginx") } });"""),

            // CDK2007 / RDS2, EC26, EFS1, SQS2, KDS1, OS8
            new("RdsEncUnset", "CDK2007", "AwsSolutions-RDS2", true, true, """new DatabaseInstance(this, "RdsEncUnset", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = Net });"""),
            new("RdsEncKey", "CDK2007", "AwsSolutions-RDS2", false, false, """new DatabaseInstance(this, "RdsEncKey", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = Net, StorageEncryptionKey = new Key(this, "RdsEncKeyKey", new KeyProps { EnableKeyRotation = true }) });"""),
            new("RdsEncReplica", "CDK2007", "AwsSolutions-RDS2", false, true, """var source = new DatabaseInstance(this, "RdsEncReplicaSource", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = Net, StorageEncrypted = true }); new DatabaseInstanceReadReplica(this, "RdsEncReplica", new DatabaseInstanceReadReplicaProps { SourceDatabaseInstance = source, InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("t3.medium"), Vpc = Net });""",
                "a read replica inherits its source's encryption (here on); RDS2 reads only the replica's own StorageEncrypted"),
            new("VolUnset", "CDK2007", "AwsSolutions-EC26", true, true, """new Amazon.CDK.AWS.EC2.Volume(this, "VolUnset", new VolumeProps { AvailabilityZone = "us-east-1a", Size = Size.Gibibytes(10) });"""),
            new("VolOn", "CDK2007", "AwsSolutions-EC26", false, false, """new Amazon.CDK.AWS.EC2.Volume(this, "VolOn", new VolumeProps { AvailabilityZone = "us-east-1a", Size = Size.Gibibytes(10), Encrypted = true });"""),
            new("Ec2Disk", "CDK2007", "AwsSolutions-EC26", true, true, """new Amazon.CDK.AWS.EC2.Instance_(this, "Ec2Disk", new Amazon.CDK.AWS.EC2.InstanceProps { Vpc = Net, InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("t3.micro"), MachineImage = MachineImage.LatestAmazonLinux2023(), BlockDevices = new[] { new BlockDevice { DeviceName = "/dev/xvda", Volume = BlockDeviceVolume.Ebs(8) } } });"""),
            new("Ec2Sealed", "CDK2007", "AwsSolutions-EC26", false, false, """new Amazon.CDK.AWS.EC2.Instance_(this, "Ec2Sealed", new Amazon.CDK.AWS.EC2.InstanceProps { Vpc = Net, InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("t3.micro"), MachineImage = MachineImage.LatestAmazonLinux2023(), BlockDevices = new[] { new BlockDevice { DeviceName = "/dev/xvda", Volume = BlockDeviceVolume.Ebs(8, new EbsDeviceOptions { Encrypted = true }) } } });"""),
            new("Ec2Bare", "CDK2007", "AwsSolutions-EC26", false, true, """new Amazon.CDK.AWS.EC2.Instance_(this, "Ec2Bare", new Amazon.CDK.AWS.EC2.InstanceProps { Vpc = Net, InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("t3.micro"), MachineImage = MachineImage.LatestAmazonLinux2023() });""",
                "an instance without BlockDevices gets its root volume from the AMI; whether it is encrypted is the account's EBS default, not the source's"),
            new("EfsOff", "CDK2007", "AwsSolutions-EFS1", true, true, """new Amazon.CDK.AWS.EFS.FileSystem(this, "EfsOff", new Amazon.CDK.AWS.EFS.FileSystemProps { Vpc = Net, Encrypted = false });"""),
            new("EfsUnset", "CDK2007", "AwsSolutions-EFS1", false, false, """new Amazon.CDK.AWS.EFS.FileSystem(this, "EfsUnset", new Amazon.CDK.AWS.EFS.FileSystemProps { Vpc = Net });"""),
            new("SqsPlain", "CDK2007", "AwsSolutions-SQS2", true, true, """new Queue(this, "SqsPlain", new QueueProps { Encryption = QueueEncryption.UNENCRYPTED });"""),
            new("SqsDefault", "CDK2007", "AwsSolutions-SQS2", false, false, """new Queue(this, "SqsDefault");"""),
            new("KdsPlain", "CDK2007", "AwsSolutions-KDS1", true, true, """new Amazon.CDK.AWS.Kinesis.Stream(this, "KdsPlain", new Amazon.CDK.AWS.Kinesis.StreamProps { Encryption = Amazon.CDK.AWS.Kinesis.StreamEncryption.UNENCRYPTED });"""),
            new("KdsDefault", "CDK2007", "AwsSolutions-KDS1", false, false, """new Amazon.CDK.AWS.Kinesis.Stream(this, "KdsDefault");"""),
            new("OsUnset", "CDK2007", "AwsSolutions-OS8", true, true, """new Amazon.CDK.AWS.OpenSearchService.Domain(this, "OsUnset", new Amazon.CDK.AWS.OpenSearchService.DomainProps { Version = Amazon.CDK.AWS.OpenSearchService.EngineVersion.OPENSEARCH_1_3 });"""),
            new("OsOn", "CDK2007", "AwsSolutions-OS8", false, false, """new Amazon.CDK.AWS.OpenSearchService.Domain(this, "OsOn", new Amazon.CDK.AWS.OpenSearchService.DomainProps { Version = Amazon.CDK.AWS.OpenSearchService.EngineVersion.OPENSEARCH_1_3, EncryptionAtRest = new Amazon.CDK.AWS.OpenSearchService.EncryptionAtRestOptions { Enabled = true } });"""),

            // CDK1007 / SQS3 (narrower: SQS3 asks every queue for a dead-letter queue, CDK1007 only a consumed one)
            new("DlqNone", "CDK1007", "AwsSolutions-SQS3", true, true, """var q = new Queue(this, "DlqNone", new QueueProps { EnforceSSL = true }); new Amazon.CDK.AWS.Lambda.Function(this, "DlqNoneWorker", new Amazon.CDK.AWS.Lambda.FunctionProps { Runtime = Amazon.CDK.AWS.Lambda.Runtime.PYTHON_3_11, Handler = "index.handler", Code = Amazon.CDK.AWS.Lambda.Code.FromInline("def handler(event, context):\n    return None\n"), Events = new Amazon.CDK.AWS.Lambda.IEventSource[] { new Amazon.CDK.AWS.Lambda.EventSources.SqsEventSource(q) } });"""),
            new("DlqSet", "CDK1007", "AwsSolutions-SQS3", false, false, """var q = new Queue(this, "DlqSet", new QueueProps { EnforceSSL = true, DeadLetterQueue = new DeadLetterQueue { Queue = new Queue(this, "DlqSetFailed", new QueueProps { EnforceSSL = true }), MaxReceiveCount = 5 } }); new Amazon.CDK.AWS.Lambda.Function(this, "DlqSetWorker", new Amazon.CDK.AWS.Lambda.FunctionProps { Runtime = Amazon.CDK.AWS.Lambda.Runtime.PYTHON_3_11, Handler = "index.handler", Code = Amazon.CDK.AWS.Lambda.Code.FromInline("def handler(event, context):\n    return None\n"), Events = new Amazon.CDK.AWS.Lambda.IEventSource[] { new Amazon.CDK.AWS.Lambda.EventSources.SqsEventSource(q) } });"""),
            new("DlqIdle", "CDK1007", "AwsSolutions-SQS3", false, true, """new Queue(this, "DlqIdle", new QueueProps { EnforceSSL = true });""",
                "SQS3 asks every queue for a dead-letter queue; CDK1007 only a queue a function consumes (the pack's SQS3 covers the rest)"),

            // CDK2008 / EC23 (narrower: EC23 reports every ingress from the whole internet); no fix, the allowed range is the team's
            new("SgSsh", "CDK2008", "AwsSolutions-EC23", true, true, """var sg = new Amazon.CDK.AWS.EC2.SecurityGroup(this, "SgSsh", new Amazon.CDK.AWS.EC2.SecurityGroupProps { Vpc = Net }); sg.AddIngressRule(Amazon.CDK.AWS.EC2.Peer.AnyIpv4(), Amazon.CDK.AWS.EC2.Port.Tcp(22));""", HasFix: false),
            new("SgWeb", "CDK2008", "AwsSolutions-EC23", false, true, """var sg = new Amazon.CDK.AWS.EC2.SecurityGroup(this, "SgWeb", new Amazon.CDK.AWS.EC2.SecurityGroupProps { Vpc = Net }); sg.AddIngressRule(Amazon.CDK.AWS.EC2.Peer.AnyIpv4(), Amazon.CDK.AWS.EC2.Port.Tcp(443));""",
                "a public web port is meant to be open; EC23 reports any port open to the internet", HasFix: false),
            new("SgOffice", "CDK2008", "AwsSolutions-EC23", false, false, """var sg = new Amazon.CDK.AWS.EC2.SecurityGroup(this, "SgOffice", new Amazon.CDK.AWS.EC2.SecurityGroupProps { Vpc = Net }); sg.AddIngressRule(Amazon.CDK.AWS.EC2.Peer.Ipv4("203.0.113.0/24"), Amazon.CDK.AWS.EC2.Port.Tcp(22));""", HasFix: false),
            new("SgDb", "CDK2008", "AwsSolutions-EC23", true, true, """var db = new DatabaseInstance(this, "SgDb", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = Net, StorageEncrypted = true, DeletionProtection = true }); db.Connections.AllowDefaultPortFromAnyIpv4();""", HasFix: false),

            new("VpcSeparate", "CDK4008", "AwsSolutions-VPC7", false, false, """var vpc = new Vpc(this, "VpcSeparate", new VpcProps { MaxAzs = 1 }); new FlowLog(this, "VpcSeparateLog", new FlowLogProps { ResourceType = FlowLogResourceType.FromVpc(vpc) });"""),

            // ---- The AwsSolutions pack (CDKN_x: off by default, on here as under CdkLintMode=AwsSolutions) ----

            // CDKN_EC23 (with CDK2008): any port open to the internet, and a listener left open
            new("Ec23Web", "CDKN_EC23", "AwsSolutions-EC23", true, true, """var sg = new Amazon.CDK.AWS.EC2.SecurityGroup(this, "Ec23Web", new Amazon.CDK.AWS.EC2.SecurityGroupProps { Vpc = Net }); sg.AddIngressRule(Amazon.CDK.AWS.EC2.Peer.AnyIpv4(), Amazon.CDK.AWS.EC2.Port.Tcp(443));""", HasFix: false),
            new("Ec23Office", "CDKN_EC23", "AwsSolutions-EC23", false, false, """var sg = new Amazon.CDK.AWS.EC2.SecurityGroup(this, "Ec23Office", new Amazon.CDK.AWS.EC2.SecurityGroupProps { Vpc = Net }); sg.AddIngressRule(Amazon.CDK.AWS.EC2.Peer.Ipv4("203.0.113.0/24"), Amazon.CDK.AWS.EC2.Port.Tcp(443));""", HasFix: false),
            new("Ec23Ssh", "CDKN_EC23", "AwsSolutions-EC23", false, true, """var sg = new Amazon.CDK.AWS.EC2.SecurityGroup(this, "Ec23Ssh", new Amazon.CDK.AWS.EC2.SecurityGroupProps { Vpc = Net }); sg.AddIngressRule(Amazon.CDK.AWS.EC2.Peer.AnyIpv4(), Amazon.CDK.AWS.EC2.Port.Tcp(22));""",
                "a sensitive port is CDK2008's finding, so the pack rule leaves it out", HasFix: false),
            new("Ec23Listener", "CDKN_EC23", "AwsSolutions-EC23", true, true, """var lb = new Amazon.CDK.AWS.ElasticLoadBalancingV2.ApplicationLoadBalancer(this, "Ec23Listener", new Amazon.CDK.AWS.ElasticLoadBalancingV2.ApplicationLoadBalancerProps { Vpc = Net }); lb.AddListener("Http", new Amazon.CDK.AWS.ElasticLoadBalancingV2.BaseApplicationListenerProps { Port = 80, DefaultAction = Amazon.CDK.AWS.ElasticLoadBalancingV2.ListenerAction.FixedResponse(200) });""", HasFix: false),
            new("Ec23Closed", "CDKN_EC23", "AwsSolutions-EC23", false, false, """var lb = new Amazon.CDK.AWS.ElasticLoadBalancingV2.ApplicationLoadBalancer(this, "Ec23Closed", new Amazon.CDK.AWS.ElasticLoadBalancingV2.ApplicationLoadBalancerProps { Vpc = Net }); lb.AddListener("Http", new Amazon.CDK.AWS.ElasticLoadBalancingV2.BaseApplicationListenerProps { Port = 80, Open = false, DefaultAction = Amazon.CDK.AWS.ElasticLoadBalancingV2.ListenerAction.FixedResponse(200) });""", HasFix: false),

            // CDKN_SQS3 (with CDK1007): a queue nobody consumes still wants a dead-letter queue
            new("Sqs3Idle", "CDKN_SQS3", "AwsSolutions-SQS3", true, true, """new Queue(this, "Sqs3Idle", new QueueProps { EnforceSSL = true });""", HasFix: false),
            new("Sqs3Pair", "CDKN_SQS3", "AwsSolutions-SQS3", false, false, """var dlq = new Queue(this, "Sqs3PairFailed", new QueueProps { EnforceSSL = true }); new Queue(this, "Sqs3PairWork", new QueueProps { EnforceSSL = true, DeadLetterQueue = new DeadLetterQueue { Queue = dlq, MaxReceiveCount = 3 } });""", HasFix: false),

            // CDKN_L1 (with CDK5002): not the newest runtime of its family
            new("L1Old", "CDKN_L1", "AwsSolutions-L1", true, true, """new Amazon.CDK.AWS.Lambda.Function(this, "L1Old", new Amazon.CDK.AWS.Lambda.FunctionProps { Runtime = Amazon.CDK.AWS.Lambda.Runtime.PYTHON_3_11, Handler = "index.handler", Code = Amazon.CDK.AWS.Lambda.Code.FromInline("def handler(event, context):\n    return None\n") });""", HasFix: false),
            new("L1Image", "CDKN_L1", "AwsSolutions-L1", false, false, """new Amazon.CDK.AWS.Lambda.DockerImageFunction(this, "L1Image", new Amazon.CDK.AWS.Lambda.DockerImageFunctionProps { Code = Amazon.CDK.AWS.Lambda.DockerImageCode.FromEcr(Amazon.CDK.AWS.ECR.Repository.FromRepositoryName(this, "L1ImageRepo", "app")) });""", HasFix: false),
            new("L1Provided", "CDKN_L1", "AwsSolutions-L1", false, false, """new Amazon.CDK.AWS.Lambda.Function(this, "L1Provided", new Amazon.CDK.AWS.Lambda.FunctionProps { Runtime = Amazon.CDK.AWS.Lambda.Runtime.PROVIDED_AL2023, Handler = "bootstrap", Code = Amazon.CDK.AWS.Lambda.Code.FromBucket(Amazon.CDK.AWS.S3.Bucket.FromBucketName(this, "L1ProvidedCode", "artifacts"), "app.zip") });""", HasFix: false),
            new("L1Retired", "CDKN_L1", "AwsSolutions-L1", false, true, """new Amazon.CDK.AWS.Lambda.Function(this, "L1Retired", new Amazon.CDK.AWS.Lambda.FunctionProps { Runtime = Amazon.CDK.AWS.Lambda.Runtime.PYTHON_3_9, Handler = "index.handler", Code = Amazon.CDK.AWS.Lambda.Code.FromInline("def handler(event, context):\n    return None\n") });""",
                "a deprecated runtime is CDK5002's finding, so the pack rule leaves it out", HasFix: false),

            // CDKN_DOC5: the L2 cannot write the exports cdk-nag asks for; the escape hatch can
            new("Doc5Default", "CDKN_DOC5", "AwsSolutions-DOC5", true, true, """new Amazon.CDK.AWS.DocDB.DatabaseCluster(this, "Doc5Default", new Amazon.CDK.AWS.DocDB.DatabaseClusterProps { MasterUser = new Amazon.CDK.AWS.DocDB.Login { Username = "admin" }, InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("r5.large"), Vpc = Net });""", HasFix: false),
            new("Doc5Hatch", "CDKN_DOC5", "AwsSolutions-DOC5", false, false, """var cluster = new Amazon.CDK.AWS.DocDB.DatabaseCluster(this, "Doc5Hatch", new Amazon.CDK.AWS.DocDB.DatabaseClusterProps { MasterUser = new Amazon.CDK.AWS.DocDB.Login { Username = "admin" }, InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("r5.large"), Vpc = Net }); ((Amazon.CDK.AWS.DocDB.CfnDBCluster)cluster.Node.DefaultChild).EnableCloudwatchLogsExports = new[] { "authenticate", "createIndex", "dropCollection" };""", HasFix: false),
            // CDKN_AS1, CB5
            new("As1Zero", "CDKN_AS1", "AwsSolutions-AS1", true, true, """new Amazon.CDK.AWS.AutoScaling.AutoScalingGroup(this, "As1Zero", new Amazon.CDK.AWS.AutoScaling.AutoScalingGroupProps { Vpc = Net, InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("t3.micro"), MachineImage = MachineImage.LatestAmazonLinux2023(), Cooldown = Duration.Seconds(0) });""", HasFix: false),
            new("As1Unset", "CDKN_AS1", "AwsSolutions-AS1", false, false, """new Amazon.CDK.AWS.AutoScaling.AutoScalingGroup(this, "As1Unset", new Amazon.CDK.AWS.AutoScaling.AutoScalingGroupProps { Vpc = Net, InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("t3.micro"), MachineImage = MachineImage.LatestAmazonLinux2023() });""", HasFix: false),
            new("Cb5Docker", "CDKN_CB5", "AwsSolutions-CB5", true, true, """new Amazon.CDK.AWS.CodeBuild.PipelineProject(this, "Cb5Docker", new Amazon.CDK.AWS.CodeBuild.PipelineProjectProps { Environment = new Amazon.CDK.AWS.CodeBuild.BuildEnvironment { BuildImage = Amazon.CDK.AWS.CodeBuild.LinuxBuildImage.FromDockerRegistry("public.ecr.aws/docker/library/node:20") } });""", HasFix: false),
            new("Cb5Curated", "CDKN_CB5", "AwsSolutions-CB5", false, false, """new Amazon.CDK.AWS.CodeBuild.PipelineProject(this, "Cb5Curated", new Amazon.CDK.AWS.CodeBuild.PipelineProjectProps { Environment = new Amazon.CDK.AWS.CodeBuild.BuildEnvironment { BuildImage = Amazon.CDK.AWS.CodeBuild.LinuxBuildImage.STANDARD_7_0 } });""", HasFix: false),
            // CDKN_ELB2, ELB3, ELB4, KDS3, SMG4
            new("Elb2ClassicBare", "CDKN_ELB2", "AwsSolutions-ELB2", true, true, """new Amazon.CDK.AWS.ElasticLoadBalancing.LoadBalancer(this, "Elb2ClassicBare", new Amazon.CDK.AWS.ElasticLoadBalancing.LoadBalancerProps { Vpc = Net });""", HasFix: false),
            new("Elb2ClassicLogged", "CDKN_ELB2", "AwsSolutions-ELB2", false, false, """new Amazon.CDK.AWS.ElasticLoadBalancing.LoadBalancer(this, "Elb2ClassicLogged", new Amazon.CDK.AWS.ElasticLoadBalancing.LoadBalancerProps { Vpc = Net, AccessLoggingPolicy = new Amazon.CDK.AWS.ElasticLoadBalancing.CfnLoadBalancer.AccessLoggingPolicyProperty { Enabled = true, S3BucketName = "elb2-access-logs" } });""", HasFix: false),
            new("Elb2AlbBare", "CDKN_ELB2", "AwsSolutions-ELB2", true, true, """new Amazon.CDK.AWS.ElasticLoadBalancingV2.ApplicationLoadBalancer(this, "Elb2AlbBare", new Amazon.CDK.AWS.ElasticLoadBalancingV2.ApplicationLoadBalancerProps { Vpc = Net });""", HasFix: false),
            new("Elb2AlbAttr", "CDKN_ELB2", "AwsSolutions-ELB2", false, false, """var lb = new Amazon.CDK.AWS.ElasticLoadBalancingV2.ApplicationLoadBalancer(this, "Elb2AlbAttr", new Amazon.CDK.AWS.ElasticLoadBalancingV2.ApplicationLoadBalancerProps { Vpc = Net }); lb.SetAttribute("access_logs.s3.enabled", "true");""", HasFix: false),
            new("Elb3Bare", "CDKN_ELB3", "AwsSolutions-ELB3", true, true, """new Amazon.CDK.AWS.ElasticLoadBalancing.LoadBalancer(this, "Elb3Bare", new Amazon.CDK.AWS.ElasticLoadBalancing.LoadBalancerProps { Vpc = Net });""", HasFix: false),
            new("Elb3Hatch", "CDKN_ELB3", "AwsSolutions-ELB3", false, false, """((Amazon.CDK.AWS.ElasticLoadBalancing.CfnLoadBalancer)new Amazon.CDK.AWS.ElasticLoadBalancing.LoadBalancer(this, "Elb3Hatch", new Amazon.CDK.AWS.ElasticLoadBalancing.LoadBalancerProps { Vpc = Net }).Node.DefaultChild).ConnectionDrainingPolicy = new Amazon.CDK.AWS.ElasticLoadBalancing.CfnLoadBalancer.ConnectionDrainingPolicyProperty { Enabled = true, Timeout = 300 };""", HasFix: false),
            new("Elb4NoCross", "CDKN_ELB4", "AwsSolutions-ELB4", true, true, """new Amazon.CDK.AWS.ElasticLoadBalancing.LoadBalancer(this, "Elb4NoCross", new Amazon.CDK.AWS.ElasticLoadBalancing.LoadBalancerProps { Vpc = Net, CrossZone = false });""", HasFix: false),
            new("Elb4Default", "CDKN_ELB4", "AwsSolutions-ELB4", false, false, """new Amazon.CDK.AWS.ElasticLoadBalancing.LoadBalancer(this, "Elb4Default", new Amazon.CDK.AWS.ElasticLoadBalancing.LoadBalancerProps { Vpc = Net });""", HasFix: false),
            new("Kds3Default", "CDKN_KDS3", "AwsSolutions-KDS3", true, true, """new Amazon.CDK.AWS.Kinesis.Stream(this, "Kds3Default");""", HasFix: false),
            new("Kds3Managed", "CDKN_KDS3", "AwsSolutions-KDS3", false, false, """new Amazon.CDK.AWS.Kinesis.Stream(this, "Kds3Managed", new Amazon.CDK.AWS.Kinesis.StreamProps { Encryption = Amazon.CDK.AWS.Kinesis.StreamEncryption.MANAGED });""", HasFix: false),
            new("Kds3Cmk", "CDKN_KDS3", "AwsSolutions-KDS3", true, true, """new Amazon.CDK.AWS.Kinesis.Stream(this, "Kds3Cmk", new Amazon.CDK.AWS.Kinesis.StreamProps { Encryption = Amazon.CDK.AWS.Kinesis.StreamEncryption.KMS });""", HasFix: false),
            new("Smg4Bare", "CDKN_SMG4", "AwsSolutions-SMG4", true, true, """new Amazon.CDK.AWS.SecretsManager.Secret(this, "Smg4Bare");""", HasFix: false),
            new("Smg4Rotated", "CDKN_SMG4", "AwsSolutions-SMG4", false, false, """var secret = new Amazon.CDK.AWS.SecretsManager.Secret(this, "Smg4Rotated"); secret.AddRotationSchedule("Rotation", new Amazon.CDK.AWS.SecretsManager.RotationScheduleOptions { RotationLambda = new Amazon.CDK.AWS.Lambda.Function(this, "RotatorForSmg4", new Amazon.CDK.AWS.Lambda.FunctionProps { Runtime = Amazon.CDK.AWS.Lambda.Runtime.PYTHON_3_12, Handler = "index.handler", Code = Amazon.CDK.AWS.Lambda.Code.FromInline("def handler(event, context):\n    return None\n") }) });""", HasFix: false),
            new("Iam5ToOai", "CDKN_IAM5", "AwsSolutions-IAM5", false, false, """new Amazon.CDK.AWS.S3.Bucket(this, "Iam5ToOaiData").GrantRead(new Amazon.CDK.AWS.CloudFront.OriginAccessIdentity(this, "Iam5ToOai"));""", HasFix: false),
            // CDKN_ASC3 on the L1 API
            new("Asc3L1Bare", "CDKN_ASC3", "AwsSolutions-ASC3", true, true, """new Amazon.CDK.AWS.AppSync.CfnGraphQLApi(this, "Asc3L1Bare", new Amazon.CDK.AWS.AppSync.CfnGraphQLApiProps { Name = "bare", AuthenticationType = "API_KEY" });""", HasFix: false),
            new("Asc3L1Logged", "CDKN_ASC3", "AwsSolutions-ASC3", false, false, """new Amazon.CDK.AWS.AppSync.CfnGraphQLApi(this, "Asc3L1Logged", new Amazon.CDK.AWS.AppSync.CfnGraphQLApiProps { Name = "logged", AuthenticationType = "API_KEY", LogConfig = new Amazon.CDK.AWS.AppSync.CfnGraphQLApi.LogConfigProperty { FieldLogLevel = "ERROR", CloudWatchLogsRoleArn = "arn:aws:iam::111122223333:role/appsync-logs" } });""", HasFix: false),
            // CDKN_EC29: termination protection (2.160 has no L2 prop: the L1 escape hatch sets it)
            new("Ec29Bare", "CDKN_EC29", "AwsSolutions-EC29", true, true, """new Amazon.CDK.AWS.EC2.Instance_(this, "Ec29Bare", new Amazon.CDK.AWS.EC2.InstanceProps { Vpc = Net, InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("t3.micro"), MachineImage = MachineImage.LatestAmazonLinux2023(), DetailedMonitoring = true });""", HasFix: false),
            new("Ec29Hatch", "CDKN_EC29", "AwsSolutions-EC29", false, false, """var instance = new Amazon.CDK.AWS.EC2.Instance_(this, "Ec29Hatch", new Amazon.CDK.AWS.EC2.InstanceProps { Vpc = Net, InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("t3.micro"), MachineImage = MachineImage.LatestAmazonLinux2023(), DetailedMonitoring = true }); instance.Instance.DisableApiTermination = true;""", HasFix: false),
            // CDKN_IAM5: the wildcards CDK writes for Grant* calls into the grantee's policy
            new("Iam5BucketRead", "CDKN_IAM5", "AwsSolutions-IAM5", true, true, """var role = new Role(this, "Iam5BucketRead", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") }); new Amazon.CDK.AWS.S3.Bucket(this, "Iam5BucketReadData").GrantRead(role);""", HasFix: false),
            new("Iam5BucketPutAcl", "CDKN_IAM5", "AwsSolutions-IAM5", false, false, """var role = new Role(this, "Iam5BucketPutAcl", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") }); new Amazon.CDK.AWS.S3.Bucket(this, "Iam5BucketPutAclData").GrantPutAcl(role, "reports/latest.csv");""", HasFix: false),
            new("Iam5ToService", "CDKN_IAM5", "AwsSolutions-IAM5", false, false, """new Amazon.CDK.AWS.S3.Bucket(this, "Iam5ToService").GrantRead(new ServicePrincipal("logging.s3.amazonaws.com"));""", HasFix: false),
            new("Iam5TableFull", "CDKN_IAM5", "AwsSolutions-IAM5", true, true, """var role = new Role(this, "Iam5TableFull", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") }); new Amazon.CDK.AWS.DynamoDB.Table(this, "Iam5TableFullData", new Amazon.CDK.AWS.DynamoDB.TableProps { PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "pk", Type = Amazon.CDK.AWS.DynamoDB.AttributeType.STRING } }).GrantFullAccess(role);""", HasFix: false),
            new("Iam5TableData", "CDKN_IAM5", "AwsSolutions-IAM5", false, false, """var role = new Role(this, "Iam5TableData", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") }); new Amazon.CDK.AWS.DynamoDB.Table(this, "Iam5TableDataData", new Amazon.CDK.AWS.DynamoDB.TableProps { PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "pk", Type = Amazon.CDK.AWS.DynamoDB.AttributeType.STRING } }).GrantReadWriteData(role);""", HasFix: false),
            new("Iam5QueueSend", "CDKN_IAM5", "AwsSolutions-IAM5", false, false, """var role = new Role(this, "Iam5QueueSend", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") }); new Amazon.CDK.AWS.SQS.Queue(this, "Iam5QueueSendData").GrantSendMessages(role);""", HasFix: false),
            new("Iam5Invoke", "CDKN_IAM5", "AwsSolutions-IAM5", true, true, """var role = new Role(this, "Iam5Invoke", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") }); new Amazon.CDK.AWS.Lambda.Function(this, "InvokedByIam5", new Amazon.CDK.AWS.Lambda.FunctionProps { Runtime = Amazon.CDK.AWS.Lambda.Runtime.PYTHON_3_12, Handler = "index.handler", Code = Amazon.CDK.AWS.Lambda.Code.FromInline("def handler(event, context):\n    return None\n"), Role = new Role(this, "InvokedByIam5FnRole", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") }) }).GrantInvoke(role);""", HasFix: false),
            // CDKN_IAM4: AWS managed policies, named in the source or attached by CDK's defaults
            new("Iam4Default", "CDKN_IAM4", "AwsSolutions-IAM4", true, true, """new Amazon.CDK.AWS.Lambda.Function(this, "Iam4Default", new Amazon.CDK.AWS.Lambda.FunctionProps { Runtime = Amazon.CDK.AWS.Lambda.Runtime.PYTHON_3_12, Handler = "index.handler", Code = Amazon.CDK.AWS.Lambda.Code.FromInline("def handler(event, context):\n    return None\n") });""", HasFix: false),
            new("Iam4OwnRole", "CDKN_IAM4", "AwsSolutions-IAM4", false, false, """new Amazon.CDK.AWS.Lambda.Function(this, "Iam4OwnRole", new Amazon.CDK.AWS.Lambda.FunctionProps { Runtime = Amazon.CDK.AWS.Lambda.Runtime.PYTHON_3_12, Handler = "index.handler", Code = Amazon.CDK.AWS.Lambda.Code.FromInline("def handler(event, context):\n    return None\n"), Role = new Role(this, "Iam4OwnRoleRole", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") }) });""", HasFix: false),
            new("Iam4Named", "CDKN_IAM4", "AwsSolutions-IAM4", true, true, """new Role(this, "Iam4Named", new RoleProps { AssumedBy = new ServicePrincipal("ec2.amazonaws.com"), ManagedPolicies = new[] { ManagedPolicy.FromAwsManagedPolicyName("ReadOnlyAccess") } });""", HasFix: false),
            new("Iam4Custom", "CDKN_IAM4", "AwsSolutions-IAM4", false, false, """new Role(this, "Iam4Custom", new RoleProps { AssumedBy = new ServicePrincipal("ec2.amazonaws.com"), ManagedPolicies = new IManagedPolicy[] { new ManagedPolicy(this, "Iam4CustomPolicy", new ManagedPolicyProps { Statements = new[] { new PolicyStatement(new PolicyStatementProps { Actions = new[] { "s3:GetObject" }, Resources = new[] { "arn:aws:s3:::artifacts/app.zip" } }) } }) } });""", HasFix: false),
            new("Iam4Api", "CDKN_IAM4", "AwsSolutions-IAM4", true, true, """new Amazon.CDK.AWS.APIGateway.RestApi(this, "Iam4Api").Root.AddMethod("GET", new Amazon.CDK.AWS.APIGateway.MockIntegration(), new Amazon.CDK.AWS.APIGateway.MethodOptions { AuthorizationType = Amazon.CDK.AWS.APIGateway.AuthorizationType.IAM });""", HasFix: false),
            new("Iam4Quiet", "CDKN_IAM4", "AwsSolutions-IAM4", false, false, """new Amazon.CDK.AWS.APIGateway.RestApi(this, "Iam4Quiet", new Amazon.CDK.AWS.APIGateway.RestApiProps { CloudWatchRole = false }).Root.AddMethod("GET", new Amazon.CDK.AWS.APIGateway.MockIntegration(), new Amazon.CDK.AWS.APIGateway.MethodOptions { AuthorizationType = Amazon.CDK.AWS.APIGateway.AuthorizationType.IAM });""", HasFix: false),

            // CDKN_APIG4, CDKN_COG4: method authorization, from the method's options or the defaults above it
            new("Apig4Open", "CDKN_APIG4", "AwsSolutions-APIG4", true, true, """var api = new Amazon.CDK.AWS.APIGateway.RestApi(this, "Apig4Open", new Amazon.CDK.AWS.APIGateway.RestApiProps { CloudWatchRole = false }); api.Root.AddResource("items").AddMethod("GET", new Amazon.CDK.AWS.APIGateway.MockIntegration());""", HasFix: false),
            new("Apig4Iam", "CDKN_APIG4", "AwsSolutions-APIG4", false, false, """var api = new Amazon.CDK.AWS.APIGateway.RestApi(this, "Apig4Iam", new Amazon.CDK.AWS.APIGateway.RestApiProps { CloudWatchRole = false }); api.Root.AddMethod("GET", new Amazon.CDK.AWS.APIGateway.MockIntegration(), new Amazon.CDK.AWS.APIGateway.MethodOptions { AuthorizationType = Amazon.CDK.AWS.APIGateway.AuthorizationType.IAM });""", HasFix: false),
            new("Apig4Defaults", "CDKN_APIG4", "AwsSolutions-APIG4", false, false, """var api = new Amazon.CDK.AWS.APIGateway.RestApi(this, "Apig4Defaults", new Amazon.CDK.AWS.APIGateway.RestApiProps { CloudWatchRole = false, DefaultMethodOptions = new Amazon.CDK.AWS.APIGateway.MethodOptions { AuthorizationType = Amazon.CDK.AWS.APIGateway.AuthorizationType.IAM } }); var items = api.Root.AddResource("items"); items.AddMethod("GET", new Amazon.CDK.AWS.APIGateway.MockIntegration());""", HasFix: false),
            new("Apig4Cors", "CDKN_APIG4", "AwsSolutions-APIG4", false, false, """var api = new Amazon.CDK.AWS.APIGateway.RestApi(this, "Apig4Cors", new Amazon.CDK.AWS.APIGateway.RestApiProps { CloudWatchRole = false, DefaultCorsPreflightOptions = new Amazon.CDK.AWS.APIGateway.CorsOptions { AllowOrigins = new[] { "https://example.com" } } }); api.Root.AddMethod("GET", new Amazon.CDK.AWS.APIGateway.MockIntegration(), new Amazon.CDK.AWS.APIGateway.MethodOptions { AuthorizationType = Amazon.CDK.AWS.APIGateway.AuthorizationType.IAM });""", HasFix: false),
            new("Apig4Proxy", "CDKN_APIG4", "AwsSolutions-APIG4", true, true, """new Amazon.CDK.AWS.APIGateway.LambdaRestApi(this, "Apig4Proxy", new Amazon.CDK.AWS.APIGateway.LambdaRestApiProps { CloudWatchRole = false, Handler = new Amazon.CDK.AWS.Lambda.Function(this, "Apig4ProxyHandler", new Amazon.CDK.AWS.Lambda.FunctionProps { Runtime = Amazon.CDK.AWS.Lambda.Runtime.PYTHON_3_12, Handler = "index.handler", Code = Amazon.CDK.AWS.Lambda.Code.FromInline("def handler(event, context):\n    return None\n") }) });""", HasFix: false),
            new("Cog4Open", "CDKN_COG4", "AwsSolutions-COG4", true, true, """var api = new Amazon.CDK.AWS.APIGateway.RestApi(this, "Cog4Open", new Amazon.CDK.AWS.APIGateway.RestApiProps { CloudWatchRole = false }); api.Root.AddMethod("GET", new Amazon.CDK.AWS.APIGateway.MockIntegration());""", HasFix: false),
            new("Cog4Iam", "CDKN_COG4", "AwsSolutions-COG4", true, true, """var api = new Amazon.CDK.AWS.APIGateway.RestApi(this, "Cog4Iam", new Amazon.CDK.AWS.APIGateway.RestApiProps { CloudWatchRole = false }); api.Root.AddMethod("GET", new Amazon.CDK.AWS.APIGateway.MockIntegration(), new Amazon.CDK.AWS.APIGateway.MethodOptions { AuthorizationType = Amazon.CDK.AWS.APIGateway.AuthorizationType.IAM });""", HasFix: false),
            new("Cog4Pool", "CDKN_COG4", "AwsSolutions-COG4", false, false, """var pool = new Amazon.CDK.AWS.Cognito.UserPool(this, "Cog4PoolUsers"); var auth = new Amazon.CDK.AWS.APIGateway.CognitoUserPoolsAuthorizer(this, "Cog4PoolAuth", new Amazon.CDK.AWS.APIGateway.CognitoUserPoolsAuthorizerProps { CognitoUserPools = new Amazon.CDK.AWS.Cognito.IUserPool[] { pool } }); var api = new Amazon.CDK.AWS.APIGateway.RestApi(this, "Cog4Pool", new Amazon.CDK.AWS.APIGateway.RestApiProps { CloudWatchRole = false }); api.Root.AddMethod("GET", new Amazon.CDK.AWS.APIGateway.MockIntegration(), new Amazon.CDK.AWS.APIGateway.MethodOptions { Authorizer = auth });""", HasFix: false),

            // CDKN_APIG2: a validator for body and parameters
            new("Apig2Bare", "CDKN_APIG2", "AwsSolutions-APIG2", true, true, """var api = new Amazon.CDK.AWS.APIGateway.RestApi(this, "Apig2Bare", new Amazon.CDK.AWS.APIGateway.RestApiProps { CloudWatchRole = false }); api.Root.AddMethod("GET", new Amazon.CDK.AWS.APIGateway.MockIntegration(), new Amazon.CDK.AWS.APIGateway.MethodOptions { AuthorizationType = Amazon.CDK.AWS.APIGateway.AuthorizationType.IAM });""", HasFix: false),
            new("Apig2Valid", "CDKN_APIG2", "AwsSolutions-APIG2", false, false, """var api = new Amazon.CDK.AWS.APIGateway.RestApi(this, "Apig2Valid", new Amazon.CDK.AWS.APIGateway.RestApiProps { CloudWatchRole = false }); api.Root.AddMethod("GET", new Amazon.CDK.AWS.APIGateway.MockIntegration(), new Amazon.CDK.AWS.APIGateway.MethodOptions { AuthorizationType = Amazon.CDK.AWS.APIGateway.AuthorizationType.IAM }); api.AddRequestValidator("Check", new Amazon.CDK.AWS.APIGateway.RequestValidatorOptions { ValidateRequestBody = true, ValidateRequestParameters = true });""", HasFix: false),
            new("Apig2Half", "CDKN_APIG2", "AwsSolutions-APIG2", true, true, """var api = new Amazon.CDK.AWS.APIGateway.RestApi(this, "Apig2Half", new Amazon.CDK.AWS.APIGateway.RestApiProps { CloudWatchRole = false }); api.Root.AddMethod("GET", new Amazon.CDK.AWS.APIGateway.MockIntegration(), new Amazon.CDK.AWS.APIGateway.MethodOptions { AuthorizationType = Amazon.CDK.AWS.APIGateway.AuthorizationType.IAM }); api.AddRequestValidator("Check", new Amazon.CDK.AWS.APIGateway.RequestValidatorOptions { ValidateRequestBody = true });""", HasFix: false),

            // CDKN_CFR1..CFR4: a distribution's geo restrictions, web ACL, access logs and viewer TLS
            new("Cfr1Bare", "CDKN_CFR1", "AwsSolutions-CFR1", true, true, """new Amazon.CDK.AWS.CloudFront.Distribution(this, "Cfr1Bare", new Amazon.CDK.AWS.CloudFront.DistributionProps { DefaultBehavior = new Amazon.CDK.AWS.CloudFront.BehaviorOptions { Origin = new Amazon.CDK.AWS.CloudFront.Origins.HttpOrigin("origin.example.com") } });""", HasFix: false),
            new("Cfr1Geo", "CDKN_CFR1", "AwsSolutions-CFR1", false, false, """new Amazon.CDK.AWS.CloudFront.Distribution(this, "Cfr1Geo", new Amazon.CDK.AWS.CloudFront.DistributionProps { DefaultBehavior = new Amazon.CDK.AWS.CloudFront.BehaviorOptions { Origin = new Amazon.CDK.AWS.CloudFront.Origins.HttpOrigin("origin.example.com") }, GeoRestriction = Amazon.CDK.AWS.CloudFront.GeoRestriction.Allowlist("US", "CA") });""", HasFix: false),
            new("Cfr2Bare", "CDKN_CFR2", "AwsSolutions-CFR2", true, true, """new Amazon.CDK.AWS.CloudFront.Distribution(this, "Cfr2Bare", new Amazon.CDK.AWS.CloudFront.DistributionProps { DefaultBehavior = new Amazon.CDK.AWS.CloudFront.BehaviorOptions { Origin = new Amazon.CDK.AWS.CloudFront.Origins.HttpOrigin("origin.example.com") } });""", HasFix: false),
            new("Cfr2Waf", "CDKN_CFR2", "AwsSolutions-CFR2", false, false, """new Amazon.CDK.AWS.CloudFront.Distribution(this, "Cfr2Waf", new Amazon.CDK.AWS.CloudFront.DistributionProps { DefaultBehavior = new Amazon.CDK.AWS.CloudFront.BehaviorOptions { Origin = new Amazon.CDK.AWS.CloudFront.Origins.HttpOrigin("origin.example.com") }, WebAclId = "arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/0a1b2c3d" });""", HasFix: false),
            new("Cfr3Bare", "CDKN_CFR3", "AwsSolutions-CFR3", true, true, """new Amazon.CDK.AWS.CloudFront.Distribution(this, "Cfr3Bare", new Amazon.CDK.AWS.CloudFront.DistributionProps { DefaultBehavior = new Amazon.CDK.AWS.CloudFront.BehaviorOptions { Origin = new Amazon.CDK.AWS.CloudFront.Origins.HttpOrigin("origin.example.com") } });""", HasFix: false),
            new("Cfr3Off", "CDKN_CFR3", "AwsSolutions-CFR3", true, true, """new Amazon.CDK.AWS.CloudFront.Distribution(this, "Cfr3Off", new Amazon.CDK.AWS.CloudFront.DistributionProps { DefaultBehavior = new Amazon.CDK.AWS.CloudFront.BehaviorOptions { Origin = new Amazon.CDK.AWS.CloudFront.Origins.HttpOrigin("origin.example.com") }, EnableLogging = false });""", HasFix: false),
            new("Cfr3Logged", "CDKN_CFR3", "AwsSolutions-CFR3", false, false, """new Amazon.CDK.AWS.CloudFront.Distribution(this, "Cfr3Logged", new Amazon.CDK.AWS.CloudFront.DistributionProps { DefaultBehavior = new Amazon.CDK.AWS.CloudFront.BehaviorOptions { Origin = new Amazon.CDK.AWS.CloudFront.Origins.HttpOrigin("origin.example.com") }, EnableLogging = true });""", HasFix: false),
            new("Cfr4Bare", "CDKN_CFR4", "AwsSolutions-CFR4", true, true, """new Amazon.CDK.AWS.CloudFront.Distribution(this, "Cfr4Bare", new Amazon.CDK.AWS.CloudFront.DistributionProps { DefaultBehavior = new Amazon.CDK.AWS.CloudFront.BehaviorOptions { Origin = new Amazon.CDK.AWS.CloudFront.Origins.HttpOrigin("origin.example.com") } });""", HasFix: false),
            new("Cfr4Cert", "CDKN_CFR4", "AwsSolutions-CFR4", false, false, """new Amazon.CDK.AWS.CloudFront.Distribution(this, "Cfr4Cert", new Amazon.CDK.AWS.CloudFront.DistributionProps { DefaultBehavior = new Amazon.CDK.AWS.CloudFront.BehaviorOptions { Origin = new Amazon.CDK.AWS.CloudFront.Origins.HttpOrigin("origin.example.com") }, Certificate = Amazon.CDK.AWS.CertificateManager.Certificate.FromCertificateArn(this, "Cfr4CertCert", "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"), DomainNames = new[] { "www.example.com" } });""", HasFix: false),
            new("Cfr4Old", "CDKN_CFR4", "AwsSolutions-CFR4", true, true, """new Amazon.CDK.AWS.CloudFront.Distribution(this, "Cfr4Old", new Amazon.CDK.AWS.CloudFront.DistributionProps { DefaultBehavior = new Amazon.CDK.AWS.CloudFront.BehaviorOptions { Origin = new Amazon.CDK.AWS.CloudFront.Origins.HttpOrigin("origin.example.com") }, Certificate = Amazon.CDK.AWS.CertificateManager.Certificate.FromCertificateArn(this, "Cfr4OldCert", "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"), DomainNames = new[] { "www.example.com" }, MinimumProtocolVersion = Amazon.CDK.AWS.CloudFront.SecurityPolicyProtocol.TLS_V1_2016 });""", HasFix: false),

            // CDKN_EC28, RDS3, RDS6, RDS13, RDS14, COG1, COG2, CB4, AS3, VPC3, ASC3: data rules (a prop of one construct)
            new("EC28Bare", "CDKN_EC28", "AwsSolutions-EC28", true, true, """new Amazon.CDK.AWS.EC2.Instance_(this, "EC28Bare", new Amazon.CDK.AWS.EC2.InstanceProps { Vpc = Net, InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("t3.micro"), MachineImage = MachineImage.LatestAmazonLinux2023() });""", HasFix: false),
            new("EC28Detailed", "CDKN_EC28", "AwsSolutions-EC28", false, false, """new Amazon.CDK.AWS.EC2.Instance_(this, "EC28Detailed", new Amazon.CDK.AWS.EC2.InstanceProps { Vpc = Net, InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("t3.micro"), MachineImage = MachineImage.LatestAmazonLinux2023(), DetailedMonitoring = true });""", HasFix: false),
            new("EC28AsgDefault", "CDKN_EC28", "AwsSolutions-EC28", false, false, """new Amazon.CDK.AWS.AutoScaling.AutoScalingGroup(this, "EC28AsgDefault", new Amazon.CDK.AWS.AutoScaling.AutoScalingGroupProps { Vpc = Net, InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("t3.micro"), MachineImage = MachineImage.LatestAmazonLinux2023() });""", HasFix: false),
            new("EC28AsgBasic", "CDKN_EC28", "AwsSolutions-EC28", false, true, """new Amazon.CDK.AWS.AutoScaling.AutoScalingGroup(this, "EC28AsgBasic", new Amazon.CDK.AWS.AutoScaling.AutoScalingGroupProps { Vpc = Net, InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("t3.micro"), MachineImage = MachineImage.LatestAmazonLinux2023(), InstanceMonitoring = Amazon.CDK.AWS.AutoScaling.Monitoring.BASIC });""", "an Auto Scaling group is left to its launch template; cdk-nag reads InstanceMonitoring only without the launch-template feature flag, which new projects set", HasFix: false),
            new("RDS3Single", "CDKN_RDS3", "AwsSolutions-RDS3", true, true, """new DatabaseInstance(this, "RDS3Single", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = Net });""", HasFix: false),
            new("RDS3Multi", "CDKN_RDS3", "AwsSolutions-RDS3", false, false, """new DatabaseInstance(this, "RDS3Multi", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = Net, MultiAz = true });""", HasFix: false),
            new("RDS3Aurora", "CDKN_RDS3", "AwsSolutions-RDS3", false, false, """new DatabaseCluster(this, "RDS3Aurora", new DatabaseClusterProps { Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = Net, Writer = ClusterInstance.Provisioned("Writer") });""", HasFix: false),
            new("RDS6Bare", "CDKN_RDS6", "AwsSolutions-RDS6", true, true, """new DatabaseCluster(this, "RDS6Bare", new DatabaseClusterProps { Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = Net, Writer = ClusterInstance.Provisioned("Writer") });""", HasFix: false),
            new("RDS6Off", "CDKN_RDS6", "AwsSolutions-RDS6", true, true, """new DatabaseCluster(this, "RDS6Off", new DatabaseClusterProps { Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = Net, Writer = ClusterInstance.Provisioned("Writer"), IamAuthentication = false });""", HasFix: false),
            new("RDS6Iam", "CDKN_RDS6", "AwsSolutions-RDS6", false, false, """new DatabaseCluster(this, "RDS6Iam", new DatabaseClusterProps { Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = Net, Writer = ClusterInstance.Provisioned("Writer"), IamAuthentication = true });""", HasFix: false),
            new("RDS13Zero", "CDKN_RDS13", "AwsSolutions-RDS13", true, true, """new DatabaseInstance(this, "RDS13Zero", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = Net, BackupRetention = Duration.Days(0) });""", HasFix: false),
            new("RDS13Unset", "CDKN_RDS13", "AwsSolutions-RDS13", false, false, """new DatabaseInstance(this, "RDS13Unset", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = Net });""", HasFix: false),
            new("RDS13Week", "CDKN_RDS13", "AwsSolutions-RDS13", false, false, """new DatabaseInstance(this, "RDS13Week", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = Net, BackupRetention = Duration.Days(7) });""", HasFix: false),
            new("RDS14Bare", "CDKN_RDS14", "AwsSolutions-RDS14", true, true, """new DatabaseCluster(this, "RDS14Bare", new DatabaseClusterProps { Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = Net, Writer = ClusterInstance.Provisioned("Writer") });""", HasFix: false),
            new("RDS14Window", "CDKN_RDS14", "AwsSolutions-RDS14", false, false, """new DatabaseCluster(this, "RDS14Window", new DatabaseClusterProps { Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = Net, Writer = ClusterInstance.Provisioned("Writer"), BacktrackWindow = Duration.Hours(24) });""", HasFix: false),
            new("RDS14Postgres", "CDKN_RDS14", "AwsSolutions-RDS14", false, false, """new DatabaseCluster(this, "RDS14Postgres", new DatabaseClusterProps { Engine = DatabaseClusterEngine.AuroraPostgres(new AuroraPostgresClusterEngineProps { Version = AuroraPostgresEngineVersion.VER_16_3 }), Vpc = Net, Writer = ClusterInstance.Provisioned("Writer") });""", HasFix: false),
            new("COG1Bare", "CDKN_COG1", "AwsSolutions-COG1", true, true, """new Amazon.CDK.AWS.Cognito.UserPool(this, "COG1Bare");""", HasFix: false),
            new("COG1Partial", "CDKN_COG1", "AwsSolutions-COG1", true, true, """new Amazon.CDK.AWS.Cognito.UserPool(this, "COG1Partial", new Amazon.CDK.AWS.Cognito.UserPoolProps { PasswordPolicy = new Amazon.CDK.AWS.Cognito.PasswordPolicy { MinLength = 12 } });""", HasFix: false),
            new("COG1Strong", "CDKN_COG1", "AwsSolutions-COG1", false, false, """new Amazon.CDK.AWS.Cognito.UserPool(this, "COG1Strong", new Amazon.CDK.AWS.Cognito.UserPoolProps { PasswordPolicy = new Amazon.CDK.AWS.Cognito.PasswordPolicy { MinLength = 8, RequireUppercase = true, RequireDigits = true, RequireSymbols = true } });""", HasFix: false),
            new("COG2Bare", "CDKN_COG2", "AwsSolutions-COG2", true, true, """new Amazon.CDK.AWS.Cognito.UserPool(this, "COG2Bare");""", HasFix: false),
            new("COG2Optional", "CDKN_COG2", "AwsSolutions-COG2", true, true, """new Amazon.CDK.AWS.Cognito.UserPool(this, "COG2Optional", new Amazon.CDK.AWS.Cognito.UserPoolProps { Mfa = Amazon.CDK.AWS.Cognito.Mfa.OPTIONAL, MfaSecondFactor = new Amazon.CDK.AWS.Cognito.MfaSecondFactor { Sms = false, Otp = true } });""", HasFix: false),
            new("COG2Required", "CDKN_COG2", "AwsSolutions-COG2", false, false, """new Amazon.CDK.AWS.Cognito.UserPool(this, "COG2Required", new Amazon.CDK.AWS.Cognito.UserPoolProps { Mfa = Amazon.CDK.AWS.Cognito.Mfa.REQUIRED, MfaSecondFactor = new Amazon.CDK.AWS.Cognito.MfaSecondFactor { Sms = false, Otp = true } });""", HasFix: false),
            new("ASC3Bare", "CDKN_ASC3", "AwsSolutions-ASC3", true, true, """System.IO.File.WriteAllText("asc3.graphql", "type Query { ping: String }"); new Amazon.CDK.AWS.AppSync.GraphqlApi(this, "ASC3Bare", new Amazon.CDK.AWS.AppSync.GraphqlApiProps { Name = "ASC3Bare", Definition = Amazon.CDK.AWS.AppSync.Definition.FromFile("asc3.graphql") });""", HasFix: false),
            new("ASC3Logged", "CDKN_ASC3", "AwsSolutions-ASC3", false, false, """System.IO.File.WriteAllText("asc3.graphql", "type Query { ping: String }"); new Amazon.CDK.AWS.AppSync.GraphqlApi(this, "ASC3Logged", new Amazon.CDK.AWS.AppSync.GraphqlApiProps { Name = "ASC3Logged", Definition = Amazon.CDK.AWS.AppSync.Definition.FromFile("asc3.graphql"), LogConfig = new Amazon.CDK.AWS.AppSync.LogConfig { FieldLogLevel = Amazon.CDK.AWS.AppSync.FieldLogLevel.ERROR } });""", HasFix: false),
            new("ASC3Terse", "CDKN_ASC3", "AwsSolutions-ASC3", true, true, """System.IO.File.WriteAllText("asc3.graphql", "type Query { ping: String }"); new Amazon.CDK.AWS.AppSync.GraphqlApi(this, "ASC3Terse", new Amazon.CDK.AWS.AppSync.GraphqlApiProps { Name = "ASC3Terse", Definition = Amazon.CDK.AWS.AppSync.Definition.FromFile("asc3.graphql"), LogConfig = new Amazon.CDK.AWS.AppSync.LogConfig { ExcludeVerboseContent = true } });""", HasFix: false),
            new("CB4Bare", "CDKN_CB4", "AwsSolutions-CB4", true, true, """new Amazon.CDK.AWS.CodeBuild.PipelineProject(this, "CB4Bare");""", HasFix: false),
            new("CB4Key", "CDKN_CB4", "AwsSolutions-CB4", false, false, """new Amazon.CDK.AWS.CodeBuild.PipelineProject(this, "CB4Key", new Amazon.CDK.AWS.CodeBuild.PipelineProjectProps { EncryptionKey = new Key(this, "CB4KeyCmk", new KeyProps { EnableKeyRotation = true }) });""", HasFix: false),
            new("CB4Imported", "CDKN_CB4", "AwsSolutions-CB4", false, false, """new Amazon.CDK.AWS.CodeBuild.PipelineProject(this, "CB4Imported", new Amazon.CDK.AWS.CodeBuild.PipelineProjectProps { EncryptionKey = Key.FromKeyArn(this, "CB4ImportedCmk", "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555") });""", HasFix: false),
            new("AS3Bare", "CDKN_AS3", "AwsSolutions-AS3", true, true, """new Amazon.CDK.AWS.AutoScaling.AutoScalingGroup(this, "AS3Bare", new Amazon.CDK.AWS.AutoScaling.AutoScalingGroupProps { Vpc = Net, InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("t3.micro"), MachineImage = MachineImage.LatestAmazonLinux2023() });""", HasFix: false),
            new("AS3All", "CDKN_AS3", "AwsSolutions-AS3", false, false, """new Amazon.CDK.AWS.AutoScaling.AutoScalingGroup(this, "AS3All", new Amazon.CDK.AWS.AutoScaling.AutoScalingGroupProps { Vpc = Net, InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("t3.micro"), MachineImage = MachineImage.LatestAmazonLinux2023(), Notifications = new[] { new Amazon.CDK.AWS.AutoScaling.NotificationConfiguration { Topic = Topic.FromTopicArn(this, "AS3AllTopic", "arn:aws:sns:us-east-1:111122223333:scaling") } } });""", HasFix: false),
            new("VPC3Acl", "CDKN_VPC3", "AwsSolutions-VPC3", true, true, """new NetworkAcl(this, "VPC3Acl", new NetworkAclProps { Vpc = Net });""", HasFix: false),
            new("VPC3Entry", "CDKN_VPC3", "AwsSolutions-VPC3", true, true, """new NetworkAcl(this, "VPC3Entry", new NetworkAclProps { Vpc = Net }).AddEntry("Https", new CommonNetworkAclEntryOptions { Cidr = AclCidr.AnyIpv4(), RuleNumber = 100, Traffic = AclTraffic.TcpPort(443), Direction = TrafficDirection.INGRESS, RuleAction = Amazon.CDK.AWS.EC2.Action.ALLOW });""", HasFix: false),
            new("VPC3Imported", "CDKN_VPC3", "AwsSolutions-VPC3", false, false, """NetworkAcl.FromNetworkAclId(this, "VPC3Imported", "acl-0123456789abcdef0");""", HasFix: false),

            // CDKN_DOC1, DOC2, DOC4, EKS1, EKS2, OS1, OS2, OS4, OS7, OS9
            new("Doc1Off", "CDKN_DOC1", "AwsSolutions-DOC1", true, true, """new Amazon.CDK.AWS.DocDB.DatabaseCluster(this, "Doc1Off", new Amazon.CDK.AWS.DocDB.DatabaseClusterProps { MasterUser = new Amazon.CDK.AWS.DocDB.Login { Username = "admin" }, InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("r5.large"), Vpc = Net, StorageEncrypted = false });""", HasFix: false),
            new("Doc1Default", "CDKN_DOC1", "AwsSolutions-DOC1", false, false, """new Amazon.CDK.AWS.DocDB.DatabaseCluster(this, "Doc1Default", new Amazon.CDK.AWS.DocDB.DatabaseClusterProps { MasterUser = new Amazon.CDK.AWS.DocDB.Login { Username = "admin" }, InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("r5.large"), Vpc = Net });""", HasFix: false),
            new("Doc1On", "CDKN_DOC1", "AwsSolutions-DOC1", false, false, """new Amazon.CDK.AWS.DocDB.DatabaseCluster(this, "Doc1On", new Amazon.CDK.AWS.DocDB.DatabaseClusterProps { MasterUser = new Amazon.CDK.AWS.DocDB.Login { Username = "admin" }, InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("r5.large"), Vpc = Net, StorageEncrypted = true });""", HasFix: false),
            new("Doc2Default", "CDKN_DOC2", "AwsSolutions-DOC2", true, true, """new Amazon.CDK.AWS.DocDB.DatabaseCluster(this, "Doc2Default", new Amazon.CDK.AWS.DocDB.DatabaseClusterProps { MasterUser = new Amazon.CDK.AWS.DocDB.Login { Username = "admin" }, InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("r5.large"), Vpc = Net });""", HasFix: false),
            new("Doc2Port27017", "CDKN_DOC2", "AwsSolutions-DOC2", true, true, """new Amazon.CDK.AWS.DocDB.DatabaseCluster(this, "Doc2Port27017", new Amazon.CDK.AWS.DocDB.DatabaseClusterProps { MasterUser = new Amazon.CDK.AWS.DocDB.Login { Username = "admin" }, InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("r5.large"), Vpc = Net, Port = 27017 });""", HasFix: false),
            new("Doc2Port27018", "CDKN_DOC2", "AwsSolutions-DOC2", false, false, """new Amazon.CDK.AWS.DocDB.DatabaseCluster(this, "Doc2Port27018", new Amazon.CDK.AWS.DocDB.DatabaseClusterProps { MasterUser = new Amazon.CDK.AWS.DocDB.Login { Username = "admin" }, InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("r5.large"), Vpc = Net, Port = 27018 });""", HasFix: false),
            new("Doc2Custom", "CDKN_DOC2", "AwsSolutions-DOC2", false, false, """new Amazon.CDK.AWS.DocDB.DatabaseCluster(this, "Doc2Custom", new Amazon.CDK.AWS.DocDB.DatabaseClusterProps { MasterUser = new Amazon.CDK.AWS.DocDB.Login { Username = "admin" }, InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("r5.large"), Vpc = Net, Port = 37017 });""", HasFix: false),
            new("Doc4Default", "CDKN_DOC4", "AwsSolutions-DOC4", true, true, """new Amazon.CDK.AWS.DocDB.DatabaseCluster(this, "Doc4Default", new Amazon.CDK.AWS.DocDB.DatabaseClusterProps { MasterUser = new Amazon.CDK.AWS.DocDB.Login { Username = "admin" }, InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("r5.large"), Vpc = Net });""", HasFix: false),
            new("Doc4OneDay", "CDKN_DOC4", "AwsSolutions-DOC4", true, true, """new Amazon.CDK.AWS.DocDB.DatabaseCluster(this, "Doc4OneDay", new Amazon.CDK.AWS.DocDB.DatabaseClusterProps { MasterUser = new Amazon.CDK.AWS.DocDB.Login { Username = "admin" }, InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("r5.large"), Vpc = Net, Backup = new Amazon.CDK.AWS.DocDB.BackupProps { Retention = Duration.Days(1) } });""", HasFix: false),
            new("Doc4Week", "CDKN_DOC4", "AwsSolutions-DOC4", false, false, """new Amazon.CDK.AWS.DocDB.DatabaseCluster(this, "Doc4Week", new Amazon.CDK.AWS.DocDB.DatabaseClusterProps { MasterUser = new Amazon.CDK.AWS.DocDB.Login { Username = "admin" }, InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("r5.large"), Vpc = Net, Backup = new Amazon.CDK.AWS.DocDB.BackupProps { Retention = Duration.Days(7) } });""", HasFix: false),
            new("Doc4Month", "CDKN_DOC4", "AwsSolutions-DOC4", false, false, """new Amazon.CDK.AWS.DocDB.DatabaseCluster(this, "Doc4Month", new Amazon.CDK.AWS.DocDB.DatabaseClusterProps { MasterUser = new Amazon.CDK.AWS.DocDB.Login { Username = "admin" }, InstanceType = new Amazon.CDK.AWS.EC2.InstanceType("r5.large"), Vpc = Net, Backup = new Amazon.CDK.AWS.DocDB.BackupProps { Retention = Duration.Days(35) } });""", HasFix: false),
            new("Eks1Default", "CDKN_EKS1", "AwsSolutions-EKS1", true, true, """new Amazon.CDK.AWS.EKS.Cluster(this, "Eks1Default", new Amazon.CDK.AWS.EKS.ClusterProps { Version = Amazon.CDK.AWS.EKS.KubernetesVersion.V1_30, Vpc = Net });""", HasFix: false, Alone: true),
            new("Eks1Private", "CDKN_EKS1", "AwsSolutions-EKS1", false, false, """new Amazon.CDK.AWS.EKS.Cluster(this, "Eks1Private", new Amazon.CDK.AWS.EKS.ClusterProps { Version = Amazon.CDK.AWS.EKS.KubernetesVersion.V1_30, Vpc = Net, EndpointAccess = Amazon.CDK.AWS.EKS.EndpointAccess.PRIVATE });""", HasFix: false, Alone: true),
            new("Eks2Default", "CDKN_EKS2", "AwsSolutions-EKS2", true, true, """new Amazon.CDK.AWS.EKS.Cluster(this, "Eks2Default", new Amazon.CDK.AWS.EKS.ClusterProps { Version = Amazon.CDK.AWS.EKS.KubernetesVersion.V1_30, Vpc = Net });""", HasFix: false, Alone: true),
            new("Eks2All", "CDKN_EKS2", "AwsSolutions-EKS2", false, false, """new Amazon.CDK.AWS.EKS.Cluster(this, "Eks2All", new Amazon.CDK.AWS.EKS.ClusterProps { Version = Amazon.CDK.AWS.EKS.KubernetesVersion.V1_30, Vpc = Net, ClusterLogging = new[] { Amazon.CDK.AWS.EKS.ClusterLoggingTypes.API, Amazon.CDK.AWS.EKS.ClusterLoggingTypes.AUDIT, Amazon.CDK.AWS.EKS.ClusterLoggingTypes.AUTHENTICATOR, Amazon.CDK.AWS.EKS.ClusterLoggingTypes.CONTROLLER_MANAGER, Amazon.CDK.AWS.EKS.ClusterLoggingTypes.SCHEDULER } });""", HasFix: false, Alone: true),
            new("Os1Public", "CDKN_OS1", "AwsSolutions-OS1", true, true, """new Amazon.CDK.AWS.OpenSearchService.Domain(this, "Os1Public", new Amazon.CDK.AWS.OpenSearchService.DomainProps { Version = Amazon.CDK.AWS.OpenSearchService.EngineVersion.OPENSEARCH_2_11 });""", HasFix: false),
            new("Os1Vpc", "CDKN_OS1", "AwsSolutions-OS1", false, false, """new Amazon.CDK.AWS.OpenSearchService.Domain(this, "Os1Vpc", new Amazon.CDK.AWS.OpenSearchService.DomainProps { Version = Amazon.CDK.AWS.OpenSearchService.EngineVersion.OPENSEARCH_2_11, Vpc = Net, ZoneAwareness = new Amazon.CDK.AWS.OpenSearchService.ZoneAwarenessConfig { Enabled = true }, Capacity = new Amazon.CDK.AWS.OpenSearchService.CapacityConfig { DataNodes = 2 } });""", HasFix: false),
            new("Os2Bare", "CDKN_OS2", "AwsSolutions-OS2", true, true, """new Amazon.CDK.AWS.OpenSearchService.Domain(this, "Os2Bare", new Amazon.CDK.AWS.OpenSearchService.DomainProps { Version = Amazon.CDK.AWS.OpenSearchService.EngineVersion.OPENSEARCH_2_11 });""", HasFix: false),
            new("Os2Off", "CDKN_OS2", "AwsSolutions-OS2", true, true, """new Amazon.CDK.AWS.OpenSearchService.Domain(this, "Os2Off", new Amazon.CDK.AWS.OpenSearchService.DomainProps { Version = Amazon.CDK.AWS.OpenSearchService.EngineVersion.OPENSEARCH_2_11, NodeToNodeEncryption = false });""", HasFix: false),
            new("Os2On", "CDKN_OS2", "AwsSolutions-OS2", false, false, """new Amazon.CDK.AWS.OpenSearchService.Domain(this, "Os2On", new Amazon.CDK.AWS.OpenSearchService.DomainProps { Version = Amazon.CDK.AWS.OpenSearchService.EngineVersion.OPENSEARCH_2_11, NodeToNodeEncryption = true });""", HasFix: false),
            new("Os2Unsigned", "CDKN_OS2", "AwsSolutions-OS2", false, false, """new Amazon.CDK.AWS.OpenSearchService.Domain(this, "Os2Unsigned", new Amazon.CDK.AWS.OpenSearchService.DomainProps { Version = Amazon.CDK.AWS.OpenSearchService.EngineVersion.OPENSEARCH_2_11, UseUnsignedBasicAuth = true });""", HasFix: false),
            new("Os4Bare", "CDKN_OS4", "AwsSolutions-OS4", true, true, """new Amazon.CDK.AWS.OpenSearchService.Domain(this, "Os4Bare", new Amazon.CDK.AWS.OpenSearchService.DomainProps { Version = Amazon.CDK.AWS.OpenSearchService.EngineVersion.OPENSEARCH_2_11 });""", HasFix: false),
            new("Os4Zero", "CDKN_OS4", "AwsSolutions-OS4", true, true, """new Amazon.CDK.AWS.OpenSearchService.Domain(this, "Os4Zero", new Amazon.CDK.AWS.OpenSearchService.DomainProps { Version = Amazon.CDK.AWS.OpenSearchService.EngineVersion.OPENSEARCH_2_11, Capacity = new Amazon.CDK.AWS.OpenSearchService.CapacityConfig { MasterNodes = 0 } });""", HasFix: false),
            new("Os4Masters", "CDKN_OS4", "AwsSolutions-OS4", false, false, """new Amazon.CDK.AWS.OpenSearchService.Domain(this, "Os4Masters", new Amazon.CDK.AWS.OpenSearchService.DomainProps { Version = Amazon.CDK.AWS.OpenSearchService.EngineVersion.OPENSEARCH_2_11, Capacity = new Amazon.CDK.AWS.OpenSearchService.CapacityConfig { MasterNodes = 3 } });""", HasFix: false),
            new("Os7Bare", "CDKN_OS7", "AwsSolutions-OS7", true, true, """new Amazon.CDK.AWS.OpenSearchService.Domain(this, "Os7Bare", new Amazon.CDK.AWS.OpenSearchService.DomainProps { Version = Amazon.CDK.AWS.OpenSearchService.EngineVersion.OPENSEARCH_2_11 });""", HasFix: false),
            new("Os7Off", "CDKN_OS7", "AwsSolutions-OS7", true, true, """new Amazon.CDK.AWS.OpenSearchService.Domain(this, "Os7Off", new Amazon.CDK.AWS.OpenSearchService.DomainProps { Version = Amazon.CDK.AWS.OpenSearchService.EngineVersion.OPENSEARCH_2_11, ZoneAwareness = new Amazon.CDK.AWS.OpenSearchService.ZoneAwarenessConfig { Enabled = false, AvailabilityZoneCount = 2 }, Capacity = new Amazon.CDK.AWS.OpenSearchService.CapacityConfig { DataNodes = 2 } });""", HasFix: false),
            new("Os7Enabled", "CDKN_OS7", "AwsSolutions-OS7", false, false, """new Amazon.CDK.AWS.OpenSearchService.Domain(this, "Os7Enabled", new Amazon.CDK.AWS.OpenSearchService.DomainProps { Version = Amazon.CDK.AWS.OpenSearchService.EngineVersion.OPENSEARCH_2_11, ZoneAwareness = new Amazon.CDK.AWS.OpenSearchService.ZoneAwarenessConfig { Enabled = true }, Capacity = new Amazon.CDK.AWS.OpenSearchService.CapacityConfig { DataNodes = 2 } });""", HasFix: false),
            new("Os7Count", "CDKN_OS7", "AwsSolutions-OS7", false, false, """new Amazon.CDK.AWS.OpenSearchService.Domain(this, "Os7Count", new Amazon.CDK.AWS.OpenSearchService.DomainProps { Version = Amazon.CDK.AWS.OpenSearchService.EngineVersion.OPENSEARCH_2_11, ZoneAwareness = new Amazon.CDK.AWS.OpenSearchService.ZoneAwarenessConfig { AvailabilityZoneCount = 3 }, Capacity = new Amazon.CDK.AWS.OpenSearchService.CapacityConfig { DataNodes = 3 } });""", HasFix: false),
            new("Os9Bare", "CDKN_OS9", "AwsSolutions-OS9", true, true, """new Amazon.CDK.AWS.OpenSearchService.Domain(this, "Os9Bare", new Amazon.CDK.AWS.OpenSearchService.DomainProps { Version = Amazon.CDK.AWS.OpenSearchService.EngineVersion.OPENSEARCH_2_11 });""", HasFix: false),
            new("Os9SearchOnly", "CDKN_OS9", "AwsSolutions-OS9", true, true, """new Amazon.CDK.AWS.OpenSearchService.Domain(this, "Os9SearchOnly", new Amazon.CDK.AWS.OpenSearchService.DomainProps { Version = Amazon.CDK.AWS.OpenSearchService.EngineVersion.OPENSEARCH_2_11, Logging = new Amazon.CDK.AWS.OpenSearchService.LoggingOptions { SlowSearchLogEnabled = true } });""", HasFix: false),
            new("Os9Both", "CDKN_OS9", "AwsSolutions-OS9", false, false, """new Amazon.CDK.AWS.OpenSearchService.Domain(this, "Os9Both", new Amazon.CDK.AWS.OpenSearchService.DomainProps { Version = Amazon.CDK.AWS.OpenSearchService.EngineVersion.OPENSEARCH_2_11, Logging = new Amazon.CDK.AWS.OpenSearchService.LoggingOptions { SlowSearchLogEnabled = true, SlowIndexLogEnabled = true } });""", HasFix: false),

            // the older CloudFrontWebDistribution, for CFR1..CFR4
            new("WebCfrBare", "CDKN_CFR1", "AwsSolutions-CFR1", true, true, """new Amazon.CDK.AWS.CloudFront.CloudFrontWebDistribution(this, "WebCfrBare", new Amazon.CDK.AWS.CloudFront.CloudFrontWebDistributionProps { OriginConfigs = new[] { new Amazon.CDK.AWS.CloudFront.SourceConfiguration { CustomOriginSource = new Amazon.CDK.AWS.CloudFront.CustomOriginConfig { DomainName = "origin.example.com" }, Behaviors = new[] { new Amazon.CDK.AWS.CloudFront.Behavior { IsDefaultBehavior = true } } } } });""", HasFix: false),
            new("WebCfrGeo", "CDKN_CFR1", "AwsSolutions-CFR1", false, false, """new Amazon.CDK.AWS.CloudFront.CloudFrontWebDistribution(this, "WebCfrGeo", new Amazon.CDK.AWS.CloudFront.CloudFrontWebDistributionProps { OriginConfigs = new[] { new Amazon.CDK.AWS.CloudFront.SourceConfiguration { CustomOriginSource = new Amazon.CDK.AWS.CloudFront.CustomOriginConfig { DomainName = "origin.example.com" }, Behaviors = new[] { new Amazon.CDK.AWS.CloudFront.Behavior { IsDefaultBehavior = true } } } }, GeoRestriction = Amazon.CDK.AWS.CloudFront.GeoRestriction.Allowlist("US") });""", HasFix: false),
            new("WebCfrNoWaf", "CDKN_CFR2", "AwsSolutions-CFR2", true, true, """new Amazon.CDK.AWS.CloudFront.CloudFrontWebDistribution(this, "WebCfrNoWaf", new Amazon.CDK.AWS.CloudFront.CloudFrontWebDistributionProps { OriginConfigs = new[] { new Amazon.CDK.AWS.CloudFront.SourceConfiguration { CustomOriginSource = new Amazon.CDK.AWS.CloudFront.CustomOriginConfig { DomainName = "origin.example.com" }, Behaviors = new[] { new Amazon.CDK.AWS.CloudFront.Behavior { IsDefaultBehavior = true } } } } });""", HasFix: false),
            new("WebCfrWaf", "CDKN_CFR2", "AwsSolutions-CFR2", false, false, """new Amazon.CDK.AWS.CloudFront.CloudFrontWebDistribution(this, "WebCfrWaf", new Amazon.CDK.AWS.CloudFront.CloudFrontWebDistributionProps { OriginConfigs = new[] { new Amazon.CDK.AWS.CloudFront.SourceConfiguration { CustomOriginSource = new Amazon.CDK.AWS.CloudFront.CustomOriginConfig { DomainName = "origin.example.com" }, Behaviors = new[] { new Amazon.CDK.AWS.CloudFront.Behavior { IsDefaultBehavior = true } } } }, WebACLId = "arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/0a1b2c3d" });""", HasFix: false),
            new("WebCfrNoLogs", "CDKN_CFR3", "AwsSolutions-CFR3", true, true, """new Amazon.CDK.AWS.CloudFront.CloudFrontWebDistribution(this, "WebCfrNoLogs", new Amazon.CDK.AWS.CloudFront.CloudFrontWebDistributionProps { OriginConfigs = new[] { new Amazon.CDK.AWS.CloudFront.SourceConfiguration { CustomOriginSource = new Amazon.CDK.AWS.CloudFront.CustomOriginConfig { DomainName = "origin.example.com" }, Behaviors = new[] { new Amazon.CDK.AWS.CloudFront.Behavior { IsDefaultBehavior = true } } } } });""", HasFix: false),
            new("WebCfrLogs", "CDKN_CFR3", "AwsSolutions-CFR3", false, false, """new Amazon.CDK.AWS.CloudFront.CloudFrontWebDistribution(this, "WebCfrLogs", new Amazon.CDK.AWS.CloudFront.CloudFrontWebDistributionProps { OriginConfigs = new[] { new Amazon.CDK.AWS.CloudFront.SourceConfiguration { CustomOriginSource = new Amazon.CDK.AWS.CloudFront.CustomOriginConfig { DomainName = "origin.example.com" }, Behaviors = new[] { new Amazon.CDK.AWS.CloudFront.Behavior { IsDefaultBehavior = true } } } }, LoggingConfig = new Amazon.CDK.AWS.CloudFront.LoggingConfiguration { Prefix = "edge/" } });""", HasFix: false),
            new("WebCfrDefaultCert", "CDKN_CFR4", "AwsSolutions-CFR4", true, true, """new Amazon.CDK.AWS.CloudFront.CloudFrontWebDistribution(this, "WebCfrDefaultCert", new Amazon.CDK.AWS.CloudFront.CloudFrontWebDistributionProps { OriginConfigs = new[] { new Amazon.CDK.AWS.CloudFront.SourceConfiguration { CustomOriginSource = new Amazon.CDK.AWS.CloudFront.CustomOriginConfig { DomainName = "origin.example.com" }, Behaviors = new[] { new Amazon.CDK.AWS.CloudFront.Behavior { IsDefaultBehavior = true } } } } });""", HasFix: false),
            new("WebCfrOldTls", "CDKN_CFR4", "AwsSolutions-CFR4", true, true, """new Amazon.CDK.AWS.CloudFront.CloudFrontWebDistribution(this, "WebCfrOldTls", new Amazon.CDK.AWS.CloudFront.CloudFrontWebDistributionProps { OriginConfigs = new[] { new Amazon.CDK.AWS.CloudFront.SourceConfiguration { CustomOriginSource = new Amazon.CDK.AWS.CloudFront.CustomOriginConfig { DomainName = "origin.example.com" }, Behaviors = new[] { new Amazon.CDK.AWS.CloudFront.Behavior { IsDefaultBehavior = true } } } }, ViewerCertificate = Amazon.CDK.AWS.CloudFront.ViewerCertificate.FromAcmCertificate(Amazon.CDK.AWS.CertificateManager.Certificate.FromCertificateArn(this, "WebCfrOldTlsCert", "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"), new Amazon.CDK.AWS.CloudFront.ViewerCertificateOptions { Aliases = new[] { "www.example.com" }, SecurityPolicy = Amazon.CDK.AWS.CloudFront.SecurityPolicyProtocol.TLS_V1_2016 }) });""", HasFix: false),
            new("WebCfrNewTls", "CDKN_CFR4", "AwsSolutions-CFR4", false, false, """new Amazon.CDK.AWS.CloudFront.CloudFrontWebDistribution(this, "WebCfrNewTls", new Amazon.CDK.AWS.CloudFront.CloudFrontWebDistributionProps { OriginConfigs = new[] { new Amazon.CDK.AWS.CloudFront.SourceConfiguration { CustomOriginSource = new Amazon.CDK.AWS.CloudFront.CustomOriginConfig { DomainName = "origin.example.com" }, Behaviors = new[] { new Amazon.CDK.AWS.CloudFront.Behavior { IsDefaultBehavior = true } } } }, ViewerCertificate = Amazon.CDK.AWS.CloudFront.ViewerCertificate.FromAcmCertificate(Amazon.CDK.AWS.CertificateManager.Certificate.FromCertificateArn(this, "WebCfrNewTlsCert", "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666"), new Amazon.CDK.AWS.CloudFront.ViewerCertificateOptions { Aliases = new[] { "www.example.com" }, SecurityPolicy = Amazon.CDK.AWS.CloudFront.SecurityPolicyProtocol.TLS_V1_2_2021 }) });""", HasFix: false),

            // CDKN_CFR7: origin access control on the stack's own buckets
            new("Cfr7Oai", "CDKN_CFR7", "AwsSolutions-CFR7", true, true, """var site = new Amazon.CDK.AWS.S3.Bucket(this, "Cfr7OaiSite", new Amazon.CDK.AWS.S3.BucketProps { EnforceSSL = true }); new Amazon.CDK.AWS.CloudFront.Distribution(this, "Cfr7OaiCdn", new Amazon.CDK.AWS.CloudFront.DistributionProps { DefaultBehavior = new Amazon.CDK.AWS.CloudFront.BehaviorOptions { Origin = Amazon.CDK.AWS.CloudFront.Origins.S3BucketOrigin.WithOriginAccessIdentity(site) } });""", HasFix: false),
            new("Cfr7Oac", "CDKN_CFR7", "AwsSolutions-CFR7", false, false, """var site = new Amazon.CDK.AWS.S3.Bucket(this, "Cfr7OacSite", new Amazon.CDK.AWS.S3.BucketProps { EnforceSSL = true }); new Amazon.CDK.AWS.CloudFront.Distribution(this, "Cfr7OacCdn", new Amazon.CDK.AWS.CloudFront.DistributionProps { DefaultBehavior = new Amazon.CDK.AWS.CloudFront.BehaviorOptions { Origin = Amazon.CDK.AWS.CloudFront.Origins.S3BucketOrigin.WithOriginAccessControl(site) } });""", HasFix: false),
            new("Cfr7Web", "CDKN_CFR7", "AwsSolutions-CFR7", true, true, """var site = new Amazon.CDK.AWS.S3.Bucket(this, "Cfr7WebSite", new Amazon.CDK.AWS.S3.BucketProps { EnforceSSL = true }); new Amazon.CDK.AWS.CloudFront.CloudFrontWebDistribution(this, "Cfr7WebCdn", new Amazon.CDK.AWS.CloudFront.CloudFrontWebDistributionProps { OriginConfigs = new[] { new Amazon.CDK.AWS.CloudFront.SourceConfiguration { S3OriginSource = new Amazon.CDK.AWS.CloudFront.S3OriginConfig { S3BucketSource = site }, Behaviors = new[] { new Amazon.CDK.AWS.CloudFront.Behavior { IsDefaultBehavior = true } } } } });""", HasFix: false),

            // CDKN_S1: server access logs, or being another bucket's log destination
            new("S1Bare", "CDKN_S1", "AwsSolutions-S1", true, true, """new Amazon.CDK.AWS.S3.Bucket(this, "S1Bare", new Amazon.CDK.AWS.S3.BucketProps { EnforceSSL = true });""", HasFix: false),
            new("S1Logged", "CDKN_S1", "AwsSolutions-S1", false, false, """var logs = new Amazon.CDK.AWS.S3.Bucket(this, "S1LoggedLogs", new Amazon.CDK.AWS.S3.BucketProps { EnforceSSL = true }); new Amazon.CDK.AWS.S3.Bucket(this, "S1LoggedData", new Amazon.CDK.AWS.S3.BucketProps { EnforceSSL = true, ServerAccessLogsBucket = logs });""", HasFix: false),
            new("S1Prefix", "CDKN_S1", "AwsSolutions-S1", false, false, """new Amazon.CDK.AWS.S3.Bucket(this, "S1Prefix", new Amazon.CDK.AWS.S3.BucketProps { EnforceSSL = true, ServerAccessLogsPrefix = "access/" });""", HasFix: false),
        };

        private static readonly (DiagnosticAnalyzer Analyzer, Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider Fixer, string Id)[] Fixes =
        {
            (new CdkLint.Rules.KeyWithoutRotationAnalyzer(), new CdkLint.CodeFixes.Rules.KeyWithoutRotationFixer(), "CDK2009"),
            (new CdkLint.Rules.DatabaseWithoutDeletionProtectionAnalyzer(), new CdkLint.CodeFixes.Rules.DatabaseWithoutDeletionProtectionFixer(), "CDK1006"),
            (new CdkLint.Rules.ClusterWithoutContainerInsightsAnalyzer(), new CdkLint.CodeFixes.Rules.ClusterWithoutContainerInsightsFixer(), "CDK4007"),
            (new CdkLint.Rules.VpcWithoutFlowLogsAnalyzer(), new CdkLint.CodeFixes.Rules.VpcWithoutFlowLogsFixer(), "CDK4008"),
            (new CdkLint.Rules.MessagingAllowsNonTlsAnalyzer(), new CdkLint.CodeFixes.Rules.MessagingAllowsNonTlsFixer(), "CDK2006"),
            (new CdkLint.Rules.StateMachineWithoutLogsAnalyzer(), new CdkLint.CodeFixes.Rules.StateMachineWithoutLogsFixer(), "CDK4005"),
            (new CdkLint.Rules.ContainerWithoutLogsAnalyzer(), new CdkLint.CodeFixes.Rules.ContainerWithoutLogsFixer(), "CDK4006"),
            (new CdkLint.Rules.StorageNotEncryptedAnalyzer(), new CdkLint.CodeFixes.Rules.StorageNotEncryptedFixer(), "CDK2007"),
            (new CdkLint.Rules.QueueWithoutDeadLetterQueueAnalyzer(), new CdkLint.CodeFixes.Rules.QueueWithoutDeadLetterQueueFixer(), "CDK1007"),
        };

        /// <summary>The cdk-nag rules this test proves each CdkLint rule's fix settles (for the README's side-by-side table).</summary>
        internal static IEnumerable<(string CdkLint, string CdkNag)> Settled
            => Cases.Where(c => c.CdkLintFlags && c.HasFix).Select(c => (c.CdkLint, c.Nag)).Distinct();

        private readonly ITestOutputHelper _output;

        public BaselineProofTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task CdkLint_and_cdk_nag_agree_on_every_case_but_the_documented_divergences()
        {
            Assert.DoesNotContain(Cases, c => Cases.Any(o => o != c && o.Name.StartsWith(c.Name, StringComparison.Ordinal)));
            var source = Source();
            var dir = Directory.CreateTempSubdirectory("cdklint-proof-").FullName;
            try
            {
                File.WriteAllText(Path.Combine(dir, "Proof.csproj"), """
                    <Project Sdk="Microsoft.NET.Sdk">
                      <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><NoWarn>CS0618</NoWarn></PropertyGroup>
                      <ItemGroup>
                        <PackageReference Include="Amazon.CDK.Lib" Version="2.160.0" />
                        <PackageReference Include="Constructs" Version="10.0.5" />
                      </ItemGroup>
                    </Project>
                    """);
                File.WriteAllText(Path.Combine(dir, "Program.cs"), source);
                var environment = new Dictionary<string, string> { ["CDK_OUTDIR"] = "cdk.out", ["CDK_CONTEXT_JSON"] = "{}" };
                var (code, text) = Processes.Run("dotnet", "run", dir, timeoutSeconds: 900, environment: environment);
                Assert.True(code == 0, "synth failed (Node.js is required for synth):\n" + text);
                var nag = Nag(dir);

                var lint = await CdkLintFindings(source);
                var report = new List<string>();
                foreach (var c in Cases)
                {
                    var nagFlags = nag.Any(f => f.Is(c.Nag, c.Name));
                    var lintFlags = lint.Any(f => f.Id == c.CdkLint && f.Case == c.Name);
                    report.Add($"{c.Name}: CdkLint {c.CdkLint} {(lintFlags ? "flags" : "quiet")}, cdk-nag {c.Nag} {(nagFlags ? "flags" : "passes")}{(c.Divergence is null ? string.Empty : " (divergence: " + c.Divergence + ")")}");
                    Assert.True(lintFlags == c.CdkLintFlags && nagFlags == c.NagFlags, string.Join("\n", report) + "\ncdk-nag found:\n" + string.Join("\n", nag.Where(f => f.Rule.StartsWith(c.Nag, StringComparison.Ordinal))));
                    Assert.True((c.CdkLintFlags == c.NagFlags) == (c.Divergence is null), c.Name + ": a case where the verdicts differ must name the divergence, and only such a case");
                }

                _output.WriteLine(string.Join("\n", report));

                // Every fix: applied the way `dotnet format` applies it, the fixed app still synthesizes, and cdk-nag no
                // longer reports what CdkLint reported.
                var fixedSource = source;
                foreach (var (analyzer, fixer, id) in Fixes)
                {
                    (fixedSource, var left) = await DotnetFormat.RunAsync(CdkVersion.V2_160, fixedSource, analyzer, fixer, id);
                    Assert.True(left.IsEmpty, id + " left findings after its fix:\n" + string.Join("\n", left));
                }

                File.WriteAllText(Path.Combine(dir, "Program.cs"), fixedSource);
                Directory.Delete(Path.Combine(dir, "cdk.out"), recursive: true);
                (code, text) = Processes.Run("dotnet", "run", dir, timeoutSeconds: 900, environment: environment);
                Assert.True(code == 0, "the fixed app does not synthesize:\n" + text + "\n" + fixedSource);
                var nagAfter = Nag(dir);
                foreach (var c in Cases.Where(c => c.CdkLintFlags && c.HasFix))
                {
                    Assert.False(nagAfter.Any(f => f.Is(c.Nag, c.Name)), $"{c.Name}: cdk-nag still reports {c.Nag} after CdkLint's fix:\n{fixedSource}");
                }
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        /// <summary>Cases per stack: CloudFormation allows 500 resources in one stack, and some cases make dozens.</summary>
        private const int CasesPerStack = 30;

        /// <summary>The cases of each stack: a case that must be alone (CDK allows one EKS cluster per stack) gets its own.</summary>
        private static readonly List<List<Case>> Stacks = Cases.Where(c => !c.Alone).Chunk(CasesPerStack).Select(c => c.ToList())
            .Concat(Cases.Where(c => c.Alone).Select(c => new List<Case> { c }))
            .ToList();

        private static int StackCount => Stacks.Count;

        /// <summary>cdk-nag's findings over every stack's template.</summary>
        private List<NagFinding> Nag(string dir)
            => Enumerable.Range(0, StackCount).SelectMany(i => CdkNag.Run(Path.Combine(dir, "cdk.out", $"Proof{i}.template.json"), _output)).ToList();

        private static string Source()
        {
            var stacks = new System.Text.StringBuilder();
            var creations = new System.Text.StringBuilder();
            for (var i = 0; i < StackCount; i++)
            {
                var chunk = Stacks[i];
                var methods = string.Join("\n", chunk.Select(c => $"    private void {c.Name}() {{ {c.Code} }}"));
                var calls = string.Join("\n", chunk.Select(c => $"        {c.Name}();"));
                stacks.Append($$"""

                public sealed class ProofStack{{i}} : Stack
                {
                    // The network the databases and clusters live in: it has a flow log, so it is no case of its own.
                    private readonly Vpc Net;

                    public ProofStack{{i}}(Construct scope, string id) : base(scope, id)
                    {
                        Net = new Vpc(this, "SharedNet", new VpcProps { MaxAzs = 2, FlowLogs = new Dictionary<string, IFlowLogOptions> { ["All"] = new FlowLogOptions() } });
                {{calls}}
                    }

                {{methods}}
                }

                """);
                creations.Append($"        new ProofStack{i}(app, \"Proof{i}\");\n");
            }

            return $$"""
                using System.Collections.Generic;
                using Amazon.CDK;
                using Amazon.CDK.AWS.EC2;
                using Amazon.CDK.AWS.ECS;
                using Amazon.CDK.AWS.KMS;
                using Amazon.CDK.AWS.IAM;
                using Amazon.CDK.AWS.Logs;
                using Amazon.CDK.AWS.RDS;
                using Amazon.CDK.AWS.SNS;
                using Amazon.CDK.AWS.SQS;
                using Amazon.CDK.AWS.StepFunctions;
                using Constructs;
                {{stacks}}
                public static class Program
                {
                    public static void Main()
                    {
                        var app = new App();
                {{creations}}        app.Synth();
                    }
                }
                """;
        }

        /// <summary>CdkLint's findings on the same source (CDK 2.160 metadata), each with the case method it sits in.</summary>
        private static async Task<List<(string Id, string Case)>> CdkLintFindings(string source)
        {
            var tree = CSharpSyntaxTree.ParseText(source, path: "/proof/Program.cs");
            // The pack's rules are off by default: turn each on, as the AwsSolutions preset does.
            var pack = CdkLint.Pack.AwsSolutionsRules.All.Where(r => r.Coverage == CdkLint.Pack.Coverage.Pack).ToDictionary(r => r.Id, _ => ReportDiagnostic.Warn);
            var compilation = CSharpCompilation.Create("Proof", new[] { tree }, CdkReferences.For(CdkVersion.V2_160), new CSharpCompilationOptions(OutputKind.ConsoleApplication).WithSpecificDiagnosticOptions(pack));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new CdkLintAnalyzer())).GetAnalyzerDiagnosticsAsync();
            var root = await tree.GetRootAsync();
            return diagnostics
                .Select(d => (d.Id, Case: root.FindNode(d.Location.SourceSpan).AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault()?.Identifier.ValueText ?? string.Empty))
                .ToList();
        }
    }
}
