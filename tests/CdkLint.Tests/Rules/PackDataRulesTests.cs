using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = CdkLint.Tests.Infrastructure.Verify<CdkLint.Rules.PackDataRulesAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace CdkLint.Tests.Rules
{
    /// <summary>
    /// The AwsSolutions pack's data rules (one prop of one construct family), on the three CDK versions, in the shapes
    /// apps write props: inline, a local with later assignments, a helper, a loop, a value chosen at run time.
    /// </summary>
    public class PackDataRulesTests
    {
        private static readonly string On = PackRelationRulesTests.PackOn;

        private const string Front = "using Amazon.CDK.AWS.CloudFront;\nusing Amazon.CDK.AWS.CloudFront.Origins;\nusing Distribution = Amazon.CDK.AWS.CloudFront.Distribution;\n";

        [Theory, CdkVersions]
        public Task Distributions_are_judged_on_geo_waf_logs_and_viewer_tls(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith(Front, """
                        var behavior = new BehaviorOptions { Origin = new HttpOrigin("origin.example.com") };
                        {|CDKN_CFR1:{|CDKN_CFR2:{|CDKN_CFR3:{|CDKN_CFR4:new Distribution(this, "Bare", new DistributionProps { DefaultBehavior = behavior })|}|}|}|};
                        var site = new DistributionProps { DefaultBehavior = behavior, GeoRestriction = GeoRestriction.Allowlist("US"), WebAclId = "arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/1" };
                        site.EnableLogging = true;
                        site.Certificate = Amazon.CDK.AWS.CertificateManager.Certificate.FromCertificateArn(this, "Cert", "arn:aws:acm:us-east-1:111122223333:certificate/1");
                        site.DomainNames = new[] { "www.example.com" };
                        site.MinimumProtocolVersion = {|CDKN_CFR4:SecurityPolicyProtocol.TLS_V1_2016|};
                        new Distribution(this, "Configured", site);
                        new Distribution(this, "Helper", Props(behavior));
            """, members: """
                    private DistributionProps Props(BehaviorOptions behavior) => new DistributionProps
                    {
                        DefaultBehavior = behavior,
                        GeoRestriction = GeoRestriction.Denylist("KP"),
                        WebAclId = "arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/1",
                        LogBucket = Amazon.CDK.AWS.S3.Bucket.FromBucketName(this, "Logs", "logs"),
                        Certificate = Amazon.CDK.AWS.CertificateManager.Certificate.FromCertificateArn(this, "HelperCert", "arn:aws:acm:us-east-1:111122223333:certificate/1"),
                    };
            """), On);

        [Theory, CdkVersions]
        public Task The_older_web_distribution_is_judged_by_its_own_props(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith(Front, """
                        var origins = new[] { new SourceConfiguration { CustomOriginSource = new CustomOriginConfig { DomainName = "origin.example.com" }, Behaviors = new[] { new Behavior { IsDefaultBehavior = true } } } };
                        {|CDKN_CFR1:{|CDKN_CFR2:{|CDKN_CFR3:{|CDKN_CFR4:new CloudFrontWebDistribution(this, "Legacy", new CloudFrontWebDistributionProps { OriginConfigs = origins })|}|}|}|};
                        {|CDKN_CFR4:new CloudFrontWebDistribution(this, "Guarded", new CloudFrontWebDistributionProps { OriginConfigs = origins, GeoRestriction = GeoRestriction.Allowlist("US"), WebACLId = "arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/1", LoggingConfig = new LoggingConfiguration { Prefix = "edge/" } })|};
                        var cert = Amazon.CDK.AWS.CertificateManager.Certificate.FromCertificateArn(this, "Cert", "arn:aws:acm:us-east-1:111122223333:certificate/1");
                        new CloudFrontWebDistribution(this, "OldTls", new CloudFrontWebDistributionProps { OriginConfigs = origins, GeoRestriction = GeoRestriction.Allowlist("US"), WebACLId = "arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/1", LoggingConfig = new LoggingConfiguration { Prefix = "edge/" }, ViewerCertificate = ViewerCertificate.FromAcmCertificate(cert, new ViewerCertificateOptions { Aliases = new[] { "www.example.com" }, SecurityPolicy = {|CDKN_CFR4:SecurityPolicyProtocol.TLS_V1_2016|} }) });
                        new CloudFrontWebDistribution(this, "NewTls", new CloudFrontWebDistributionProps { OriginConfigs = origins, GeoRestriction = GeoRestriction.Allowlist("US"), WebACLId = "arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/1", LoggingConfig = new LoggingConfiguration { Prefix = "edge/" }, ViewerCertificate = ViewerCertificate.FromAcmCertificate(cert, new ViewerCertificateOptions { Aliases = new[] { "www.example.com" }, SecurityPolicy = SecurityPolicyProtocol.TLS_V1_2_2021 }) });
            """), On);

        [Theory, CdkVersions]
        public Task Logging_turned_off_without_a_bucket_is_reported_at_the_value(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith(Front, """
                        var stage = (string)Node.TryGetContext("stage");
                        foreach (var name in new[] { "a", "b" })
                        {
                            new Distribution(this, "Site" + name, new DistributionProps
                            {
                                DefaultBehavior = new BehaviorOptions { Origin = new HttpOrigin(name + ".example.com") },
                                GeoRestriction = GeoRestriction.Allowlist("US"),
                                WebAclId = "arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/1",
                                EnableLogging = {|CDKN_CFR3:false|},
                                Certificate = Amazon.CDK.AWS.CertificateManager.Certificate.FromCertificateArn(this, "Cert" + name, "arn:aws:acm:us-east-1:111122223333:certificate/1"),
                                DomainNames = new[] { name + ".example.com" },
                            });
                        }

                        new Distribution(this, "Chosen", new DistributionProps
                        {
                            DefaultBehavior = new BehaviorOptions { Origin = new HttpOrigin("c.example.com") },
                            GeoRestriction = GeoRestriction.Allowlist("US"),
                            WebAclId = "arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/1",
                            EnableLogging = stage == "prod",
                            Certificate = Amazon.CDK.AWS.CertificateManager.Certificate.FromCertificateArn(this, "CertC", "arn:aws:acm:us-east-1:111122223333:certificate/1"),
                            DomainNames = new[] { "c.example.com" },
                        });
            """), On);

        [Theory, CdkVersions]
        public Task Databases_multi_az_backups_iam_auth_and_backtrack(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith("using Amazon.CDK.AWS.EC2;\nusing Amazon.CDK.AWS.RDS;\n", """
                        var vpc = Vpc.FromLookup(this, "Net", new VpcLookupOptions { IsDefault = true });
                        {|CDKN_RDS3:new DatabaseInstance(this, "Single", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc })|};
                        new DatabaseInstance(this, "Multi", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, MultiAz = true, BackupRetention = {|CDKN_RDS13:Duration.Days(0)|} });
                        new DatabaseInstance(this, "Week", new DatabaseInstanceProps { Engine = DatabaseInstanceEngine.POSTGRES, Vpc = vpc, MultiAz = true, BackupRetention = Duration.Days(7) });
                        {|CDKN_RDS6:{|CDKN_RDS14:new DatabaseCluster(this, "Mysql", new DatabaseClusterProps { Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = vpc, Writer = ClusterInstance.Provisioned("Writer") })|}|};
                        new DatabaseCluster(this, "MysqlDone", new DatabaseClusterProps { Engine = DatabaseClusterEngine.AURORA_MYSQL, Vpc = vpc, Writer = ClusterInstance.Provisioned("Writer"), IamAuthentication = true, BacktrackWindow = Duration.Hours(24) });
                        {|CDKN_RDS6:new DatabaseCluster(this, "Postgres", new DatabaseClusterProps { Engine = DatabaseClusterEngine.AuroraPostgres(new AuroraPostgresClusterEngineProps { Version = AuroraPostgresEngineVersion.VER_15_2 }), Vpc = vpc, Writer = ClusterInstance.Provisioned("Writer") })|};
                        new DatabaseCluster(this, "Unknown", new DatabaseClusterProps { Engine = EngineFor(), Vpc = vpc, Writer = ClusterInstance.Provisioned("Writer") });
            """, members: """
                    private IClusterEngine EngineFor() => (string)Node.TryGetContext("engine") == "pg" ? DatabaseClusterEngine.AURORA_POSTGRESQL : DatabaseClusterEngine.AURORA_MYSQL;
            """), On);

        [Theory, CdkVersions]
        public Task User_pools_password_policy_and_mfa(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith("using Amazon.CDK.AWS.Cognito;\n", """
                        {|CDKN_COG1:{|CDKN_COG2:new UserPool(this, "Bare")|}|};
                        var policy = new PasswordPolicy { MinLength = {|CDKN_COG1:6|}, RequireUppercase = true, RequireDigits = true, RequireSymbols = true };
                        new UserPool(this, "Short", new UserPoolProps { PasswordPolicy = policy, Mfa = Mfa.REQUIRED, MfaSecondFactor = new MfaSecondFactor { Otp = true, Sms = false } });
                        new UserPool(this, "Strong", new UserPoolProps { PasswordPolicy = new PasswordPolicy { MinLength = 12, RequireUppercase = true, RequireDigits = true, RequireSymbols = true }, Mfa = {|CDKN_COG2:Mfa.OPTIONAL|}, MfaSecondFactor = new MfaSecondFactor { Otp = true, Sms = false } });
                        {|CDKN_COG1:new UserPool(this, "Partial", new UserPoolProps { PasswordPolicy = new PasswordPolicy { MinLength = 12, RequireUppercase = true, RequireSymbols = true }, Mfa = Mfa.REQUIRED, MfaSecondFactor = new MfaSecondFactor { Otp = true, Sms = false } })|};
            """), On);

        [Theory, CdkVersions]
        public Task Instances_projects_groups_acls_and_graphql_apis(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith("using Amazon.CDK.AWS.EC2;\n", """
                        var vpc = Vpc.FromLookup(this, "Net", new VpcLookupOptions { IsDefault = true });
                        var image = MachineImage.LatestAmazonLinux2();
                        {|CDKN_EC29:{|CDKN_EC28:new Instance_(this, "Plain", new InstanceProps { Vpc = vpc, InstanceType = new InstanceType("t3.micro"), MachineImage = image })|}|};
                        {|CDKN_EC29:new Instance_(this, "Watched", new InstanceProps { Vpc = vpc, InstanceType = new InstanceType("t3.micro"), MachineImage = image, DetailedMonitoring = true })|};
                        {|CDKN_CB4:new Amazon.CDK.AWS.CodeBuild.PipelineProject(this, "Build")|};
                        new Amazon.CDK.AWS.CodeBuild.PipelineProject(this, "Sealed", new Amazon.CDK.AWS.CodeBuild.PipelineProjectProps { EncryptionKey = Amazon.CDK.AWS.KMS.Key.FromKeyArn(this, "Cmk", "arn:aws:kms:us-east-1:111122223333:key/1") });
                        {|CDKN_AS3:new Amazon.CDK.AWS.AutoScaling.AutoScalingGroup(this, "Fleet", new Amazon.CDK.AWS.AutoScaling.AutoScalingGroupProps { Vpc = vpc, InstanceType = new InstanceType("t3.micro"), MachineImage = image })|};
                        new Amazon.CDK.AWS.AutoScaling.AutoScalingGroup(this, "Told", new Amazon.CDK.AWS.AutoScaling.AutoScalingGroupProps { Vpc = vpc, InstanceType = new InstanceType("t3.micro"), MachineImage = image, Notifications = new[] { new Amazon.CDK.AWS.AutoScaling.NotificationConfiguration { Topic = Amazon.CDK.AWS.SNS.Topic.FromTopicArn(this, "Ops", "arn:aws:sns:us-east-1:111122223333:ops") } } });
                        {|CDKN_VPC3:new NetworkAcl(this, "Acl", new NetworkAclProps { Vpc = vpc })|};
                        NetworkAcl.FromNetworkAclId(this, "Shared", "acl-0123456789abcdef0");
                        {|CDKN_ASC3:new Amazon.CDK.AWS.AppSync.GraphqlApi(this, "Graph", new Amazon.CDK.AWS.AppSync.GraphqlApiProps { Name = "graph", Definition = Amazon.CDK.AWS.AppSync.Definition.FromFile("schema.graphql") })|};
                        new Amazon.CDK.AWS.AppSync.GraphqlApi(this, "Logged", new Amazon.CDK.AWS.AppSync.GraphqlApiProps { Name = "logged", Definition = Amazon.CDK.AWS.AppSync.Definition.FromFile("schema.graphql"), LogConfig = new Amazon.CDK.AWS.AppSync.LogConfig { FieldLogLevel = Amazon.CDK.AWS.AppSync.FieldLogLevel.ERROR } });
            """), On);

        [Theory, CdkVersions]
        public Task Instances_without_termination_protection_unless_an_escape_hatch_sets_it(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith("using Amazon.CDK.AWS.EC2;\n", """
                        var vpc = Vpc.FromLookup(this, "Net", new VpcLookupOptions { IsDefault = true });
                        var shape = new InstanceProps { Vpc = vpc, InstanceType = new InstanceType("t3.micro"), MachineImage = MachineImage.LatestAmazonLinux2023(), DetailedMonitoring = true };
                        var bastion = new Instance_(this, "Bastion", shape);
                        bastion.Instance.DisableApiTermination = true;
                        var worker = new Instance_(this, "Worker", shape);
                        worker.Instance.AddPropertyOverride("DisableApiTermination", true);
                        var scratch = {|CDKN_EC29:new Instance_(this, "Scratch", shape)|};
                        scratch.Instance.AddPropertyOverride("Monitoring", true);
                        foreach (var name in new[] { "a", "b" })
                        {
                            {|CDKN_EC29:new Instance_(this, "Node" + name, shape)|};
                        }
            """), On);

        [Theory, CdkVersions]
        public Task L1_graphql_apis_need_a_log_config_with_a_role(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith("using Amazon.CDK.AWS.AppSync;\n", """
                        {|CDKN_ASC3:new CfnGraphQLApi(this, "Bare", new CfnGraphQLApiProps { Name = "bare", AuthenticationType = "API_KEY" })|};
                        {|CDKN_ASC3:new CfnGraphQLApi(this, "NoRole", new CfnGraphQLApiProps { Name = "norole", AuthenticationType = "API_KEY", LogConfig = new CfnGraphQLApi.LogConfigProperty { FieldLogLevel = "ERROR" } })|};
                        var logs = new CfnGraphQLApi.LogConfigProperty { FieldLogLevel = "ALL", CloudWatchLogsRoleArn = "arn:aws:iam::111122223333:role/appsync-logs" };
                        new CfnGraphQLApi(this, "Logged", new CfnGraphQLApiProps { Name = "logged", AuthenticationType = "API_KEY", LogConfig = logs });
                        new CfnGraphQLApi(this, "Terse", new CfnGraphQLApiProps { Name = "terse", AuthenticationType = "API_KEY", LogConfig = new CfnGraphQLApi.LogConfigProperty { CloudWatchLogsRoleArn = "arn:aws:iam::111122223333:role/appsync-logs", ExcludeVerboseContent = {|CDKN_ASC3:true|} } });
            """), On);

        [Theory, CdkVersions]
        public Task Load_balancers_log_drain_and_cross_zones(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith("using Amazon.CDK.AWS.EC2;\nusing Elb = Amazon.CDK.AWS.ElasticLoadBalancing;\nusing Amazon.CDK.AWS.ElasticLoadBalancingV2;\n", """
                        var vpc = Vpc.FromLookup(this, "Net", new VpcLookupOptions { IsDefault = true });
                        {|CDKN_ELB3:{|CDKN_ELB2:new Elb.LoadBalancer(this, "Classic", new Elb.LoadBalancerProps { Vpc = vpc })|}|};
                        var logged = new Elb.LoadBalancerProps { Vpc = vpc, CrossZone = {|CDKN_ELB4:false|}, AccessLoggingPolicy = new Elb.CfnLoadBalancer.AccessLoggingPolicyProperty { Enabled = true, S3BucketName = "lb-logs" } };
                        var drained = new Elb.LoadBalancer(this, "Drained", logged);
                        ((Elb.CfnLoadBalancer)drained.Node.DefaultChild!).ConnectionDrainingPolicy = new Elb.CfnLoadBalancer.ConnectionDrainingPolicyProperty { Enabled = true, Timeout = 300 };
                        {|CDKN_ELB3:new Elb.LoadBalancer(this, "Off", new Elb.LoadBalancerProps { Vpc = vpc, AccessLoggingPolicy = new Elb.CfnLoadBalancer.AccessLoggingPolicyProperty { Enabled = {|CDKN_ELB2:false|}, S3BucketName = "lb-logs" } })|};
                        var web = new ApplicationLoadBalancer(this, "Web", new ApplicationLoadBalancerProps { Vpc = vpc });
                        web.LogAccessLogs(Amazon.CDK.AWS.S3.Bucket.FromBucketName(this, "Logs", "lb-logs"));
                        var attr = new NetworkLoadBalancer(this, "Attr", new NetworkLoadBalancerProps { Vpc = vpc });
                        attr.SetAttribute("access_logs.s3.enabled", "true");
                        {|CDKN_ELB2:new NetworkLoadBalancer(this, "Quiet", new NetworkLoadBalancerProps { Vpc = vpc })|};
                        var api = {|CDKN_ELB2:new ApplicationLoadBalancer(this, "Api", new ApplicationLoadBalancerProps { Vpc = vpc })|};
                        api.SetAttribute("idle_timeout.timeout_seconds", "60");
            """), On);

        [Theory, CdkVersions]
        public Task Streams_on_the_managed_key_and_secrets_that_rotate(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith("using Amazon.CDK.AWS.Kinesis;\nusing Amazon.CDK.AWS.SecretsManager;\n", """
                        {|CDKN_KDS3:new Stream(this, "Default")|};
                        new Stream(this, "Managed", new StreamProps { Encryption = StreamEncryption.MANAGED });
                        new Stream(this, "Own", new StreamProps { Encryption = {|CDKN_KDS3:StreamEncryption.KMS|} });
                        var choice = new StreamProps { Encryption = StreamEncryption.MANAGED };
                        new Stream(this, "Shared", choice);
                        var kept = {|CDKN_SMG4:new Secret(this, "ApiKey")|};
                        var rotated = new Secret(this, "Db");
                        rotated.AddRotationSchedule("Rotate", new RotationScheduleOptions { HostedRotation = HostedRotation.MysqlSingleUser() });
                        var external = new Secret(this, "Partner");
                        new RotationSchedule(this, "PartnerRotation", new RotationScheduleProps { Secret = external, HostedRotation = HostedRotation.MysqlSingleUser() });
            """), On);

        [Theory, CdkVersions]
        public Task Zero_cooldowns_and_uncurated_build_images(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith("using Amazon.CDK.AWS.EC2;\nusing Amazon.CDK.AWS.AutoScaling;\nusing Amazon.CDK.AWS.CodeBuild;\n", """
                        var vpc = Vpc.FromLookup(this, "Net", new VpcLookupOptions { IsDefault = true });
                        var notify = new[] { new NotificationConfiguration { Topic = Amazon.CDK.AWS.SNS.Topic.FromTopicArn(this, "Ops", "arn:aws:sns:us-east-1:111122223333:ops") } };
                        new AutoScalingGroup(this, "Eager", new AutoScalingGroupProps { Vpc = vpc, InstanceType = new InstanceType("t3.micro"), MachineImage = MachineImage.LatestAmazonLinux2023(), Notifications = notify, Cooldown = {|CDKN_AS1:Duration.Seconds(0)|} });
                        new AutoScalingGroup(this, "Calm", new AutoScalingGroupProps { Vpc = vpc, InstanceType = new InstanceType("t3.micro"), MachineImage = MachineImage.LatestAmazonLinux2023(), Notifications = notify, Cooldown = Duration.Minutes(5) });
                        new AutoScalingGroup(this, "Default", new AutoScalingGroupProps { Vpc = vpc, InstanceType = new InstanceType("t3.micro"), MachineImage = MachineImage.LatestAmazonLinux2023(), Notifications = notify });
                        var key = Amazon.CDK.AWS.KMS.Key.FromKeyArn(this, "Cmk", "arn:aws:kms:us-east-1:111122223333:key/1");
                        new PipelineProject(this, "Custom", new PipelineProjectProps { EncryptionKey = key, Environment = new BuildEnvironment { BuildImage = {|CDKN_CB5:LinuxBuildImage.FromDockerRegistry("public.ecr.aws/docker/library/node:20")|} } });
                        new PipelineProject(this, "Curated", new PipelineProjectProps { EncryptionKey = key, Environment = new BuildEnvironment { BuildImage = LinuxBuildImage.STANDARD_7_0 } });
                        var repo = Amazon.CDK.AWS.ECR.Repository.FromRepositoryName(this, "Images", "builder");
                        new PipelineProject(this, "Ecr", new PipelineProjectProps { EncryptionKey = key, Environment = new BuildEnvironment { BuildImage = LinuxBuildImage.FromEcrRepository(repo) } });
                        new PipelineProject(this, "Plain", new PipelineProjectProps { EncryptionKey = key });
            """), On);

        [Fact]
        public Task The_instance_prop_of_newer_cdk_is_read() => VerifyCS.Diagnostics(CdkVersion.V2_277,
            Code.StackWith("using Amazon.CDK.AWS.EC2;\n", """
                        var vpc = Vpc.FromLookup(this, "Net", new VpcLookupOptions { IsDefault = true });
                        new Instance_(this, "Kept", new InstanceProps { Vpc = vpc, InstanceType = new InstanceType("t3.micro"), MachineImage = MachineImage.LatestAmazonLinux2023(), DetailedMonitoring = true, DisableApiTermination = true });
                        new Instance_(this, "Open", new InstanceProps { Vpc = vpc, InstanceType = new InstanceType("t3.micro"), MachineImage = MachineImage.LatestAmazonLinux2023(), DetailedMonitoring = true, DisableApiTermination = {|CDKN_EC29:false|} });
            """), On);

        [Theory, CdkVersions]
        public Task OpenSearch_domains_vpc_encryption_masters_zones_and_slow_logs(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith("using Os = Amazon.CDK.AWS.OpenSearchService;\n", """
                        {|CDKN_OS1:{|CDKN_OS2:{|CDKN_OS4:{|CDKN_OS7:{|CDKN_OS9:new Os.Domain(this, "Bare", new Os.DomainProps { Version = Os.EngineVersion.OPENSEARCH_1_3 })|}|}|}|}|};
                        var vpc = Amazon.CDK.AWS.EC2.Vpc.FromLookup(this, "Net", new Amazon.CDK.AWS.EC2.VpcLookupOptions { IsDefault = true });
                        var domain = new Os.DomainProps { Version = Os.EngineVersion.OPENSEARCH_1_3, Vpc = vpc, NodeToNodeEncryption = true };
                        domain.Capacity = new Os.CapacityConfig { MasterNodes = 3, DataNodes = 2 };
                        domain.ZoneAwareness = new Os.ZoneAwarenessConfig { AvailabilityZoneCount = 2 };
                        domain.Logging = new Os.LoggingOptions { SlowSearchLogEnabled = true, SlowIndexLogEnabled = true };
                        new Os.Domain(this, "Configured", domain);
                        new Os.Domain(this, "Half", new Os.DomainProps
                        {
                            Version = Os.EngineVersion.OPENSEARCH_1_3,
                            Vpc = vpc,
                            UseUnsignedBasicAuth = true,
                            Capacity = new Os.CapacityConfig { MasterNodes = {|CDKN_OS4:0|} },
                            ZoneAwareness = new Os.ZoneAwarenessConfig { Enabled = {|CDKN_OS7:false|}, AvailabilityZoneCount = 2 },
                            Logging = new Os.LoggingOptions { SlowSearchLogEnabled = true, SlowIndexLogEnabled = {|CDKN_OS9:false|} },
                        });
            """), On);

        [Theory, CdkVersions]
        public Task Eks_endpoints_and_logs_and_documentdb_port_backup_encryption(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith("using Eks = Amazon.CDK.AWS.EKS;\nusing Doc = Amazon.CDK.AWS.DocDB;\n", """
                        var vpc = Amazon.CDK.AWS.EC2.Vpc.FromLookup(this, "Net", new Amazon.CDK.AWS.EC2.VpcLookupOptions { IsDefault = true });
                        {|CDKN_EKS1:{|CDKN_EKS2:new Eks.Cluster(this, "Open", new Eks.ClusterProps { Version = Eks.KubernetesVersion.V1_27, Vpc = vpc })|}|};
                        new Eks.FargateCluster(this, "Closed", new Eks.FargateClusterProps { Version = Eks.KubernetesVersion.V1_27, Vpc = vpc, EndpointAccess = Eks.EndpointAccess.PRIVATE, ClusterLogging = new[] { Eks.ClusterLoggingTypes.API, Eks.ClusterLoggingTypes.AUDIT } });
                        new Eks.Cluster(this, "Public", new Eks.ClusterProps { Version = Eks.KubernetesVersion.V1_27, Vpc = vpc, EndpointAccess = {|CDKN_EKS1:Eks.EndpointAccess.PUBLIC|}, ClusterLogging = new[] { Eks.ClusterLoggingTypes.API } });
                        var login = new Doc.Login { Username = "admin" };
                        var type = new Amazon.CDK.AWS.EC2.InstanceType("r5.large");
                        {|CDKN_DOC5:{|CDKN_DOC2:{|CDKN_DOC4:new Doc.DatabaseCluster(this, "Docs", new Doc.DatabaseClusterProps { MasterUser = login, InstanceType = type, Vpc = vpc })|}|}|};
                        var tuned = new Doc.DatabaseCluster(this, "Tuned", new Doc.DatabaseClusterProps { MasterUser = login, InstanceType = type, Vpc = vpc, Port = 27018, Backup = new Doc.BackupProps { Retention = Duration.Days(14) } });
                        ((Doc.CfnDBCluster)tuned.Node.DefaultChild!).EnableCloudwatchLogsExports = new[] { "authenticate", "createIndex", "dropCollection" };
                        {|CDKN_DOC5:new Doc.DatabaseCluster(this, "Loose", new Doc.DatabaseClusterProps { MasterUser = login, InstanceType = type, Vpc = vpc, Port = {|CDKN_DOC2:27017|}, StorageEncrypted = {|CDKN_DOC1:false|}, Backup = new Doc.BackupProps { Retention = {|CDKN_DOC4:Duration.Days(3)|} } })|};
            """), On);

        [Theory, CdkVersions]
        public Task Props_from_a_parameter_are_not_guessed(CdkVersion version) => VerifyCS.Diagnostics(version,
            Code.StackWith(Front + "using Amazon.CDK.AWS.Cognito;\n", """
                        new Distribution(this, "Given", site);
                        new UserPool(this, "Pool", pool);
            """, parameters: ", DistributionProps site, UserPoolProps pool"), On);
    }
}
