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
    /// its stack creating constructs whose ids start with the case's name; the app is synthesized once (CDK 2.160),
    /// cdk-nag's AwsSolutions pack judges the template, CdkLint judges the source, and the two verdicts are compared per
    /// case. Where they differ on purpose, the case names the divergence, and the rule's page says so too.
    /// </summary>
    [Trait("Category", "EndToEnd")]
    public sealed class BaselineProofTests
    {
        /// <summary>One case: its code, the CdkLint rule and the cdk-nag rule it is judged by, and both expected verdicts.</summary>
        private sealed record Case(string Name, string CdkLint, string Nag, bool CdkLintFlags, bool NagFlags, string Code, string? Divergence = null, bool HasFix = true);

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
                var nag = CdkNag.Run(Path.Combine(dir, "cdk.out", "Proof.template.json"), _output);

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
                var nagAfter = CdkNag.Run(Path.Combine(dir, "cdk.out", "Proof.template.json"), _output);
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

        private static string Source()
        {
            var methods = string.Join("\n", Cases.Select(c => $"    private void {c.Name}() {{ {c.Code} }}"));
            var calls = string.Join("\n", Cases.Select(c => $"        {c.Name}();"));
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

                public sealed class ProofStack : Stack
                {
                    // The network the databases and clusters live in: it has a flow log, so it is no case of its own.
                    private readonly Vpc Net;

                    public ProofStack(Construct scope, string id) : base(scope, id)
                    {
                        Net = new Vpc(this, "SharedNet", new VpcProps { MaxAzs = 2, FlowLogs = new Dictionary<string, IFlowLogOptions> { ["All"] = new FlowLogOptions() } });
                {{calls}}
                    }

                {{methods}}
                }

                public static class Program
                {
                    public static void Main()
                    {
                        var app = new App();
                        new ProofStack(app, "Proof");
                        app.Synth();
                    }
                }
                """;
        }

        /// <summary>CdkLint's findings on the same source (CDK 2.160 metadata), each with the case method it sits in.</summary>
        private static async Task<List<(string Id, string Case)>> CdkLintFindings(string source)
        {
            var tree = CSharpSyntaxTree.ParseText(source, path: "/proof/Program.cs");
            var compilation = CSharpCompilation.Create("Proof", new[] { tree }, CdkReferences.For(CdkVersion.V2_160), new CSharpCompilationOptions(OutputKind.ConsoleApplication));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new CdkLintAnalyzer())).GetAnalyzerDiagnosticsAsync();
            var root = await tree.GetRootAsync();
            return diagnostics
                .Select(d => (d.Id, Case: root.FindNode(d.Location.SourceSpan).AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault()?.Identifier.ValueText ?? string.Empty))
                .ToList();
        }
    }
}
