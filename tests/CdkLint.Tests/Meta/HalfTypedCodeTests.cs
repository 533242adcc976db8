using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CdkLint.Tests.Meta
{
    /// <summary>Code being typed in the IDE: every analyzer must stay quiet or report, never throw.</summary>
    public class HalfTypedCodeTests
    {
        public static TheoryData<string> Snippets => new()
        {
            """new Function(this, "F", new FunctionProps { Runtime = Runtime., Handler = "index.", Code = Code.FromInline( });""",
            """new Function(this, "G", new FunctionProps { Runtime = new Runtime(), Code = new InlineCode(), Timeout = Duration.Seconds() });""",
            """var fn = new Function(this, "H", new FunctionProps { Runtime = Runtime.NODEJS_16_X, Timeout = Duration.Minutes(2) }); fn.AddEventSource(new SqsEventSource(missingQueue)); new LambdaIntegration(); new LambdaIntegration(fn, ); new LambdaRestApi(this, "A", new LambdaRestApiProps { Handler = });""",
            """new Distribution(this, "D", new DistributionProps { DefaultBehavior = new BehaviorOptions { CachePolicy = CachePolicy.CACHING_DISABLED } }""",
            """var d = new Distribution(this, "E", null); d.AddBehavior("/x", , new AddBehaviorOptions { CachePolicy = CachePolicy.CACHING_DISABLED }); d.AddBehavior();""",
            """var p = new CachePolicy(this, "P", new CachePolicyProps { MaxTtl = Duration.Seconds(), DefaultTtl = Duration.Seconds(0), CookieBehavior = CacheCookieBehavior.All( });""",
            """new RestApi(this, "R", new RestApiProps { Deploy = , DeployOptions = new StageOptions { MethodOptions = new Dictionary<string, IMethodDeploymentOptions> { ["/*/*"] = } } }); new RestApi(this, );""",
            """new Queue(this, "Q", new QueueProps { VisibilityTimeout = }); new SqsEventSource(new Queue(this, "Q2"), ); new OriginGroup(new OriginGroupProps { PrimaryOrigin = });""",
            // The baseline rules of session 7: queues, topics, storage, security groups, state machines, containers.
            """var q = new Queue(this, "Q3", new QueueProps { DeadLetterQueue = new DeadLetterQueue { Queue = } }); new SqsEventSource(q, ); new EventSourceMapping(this, "M", new EventSourceMappingProps { EventSourceArn = q. }); q.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps { Effect = Effect., Actions = new[] { "sqs:*" }, Conditions = new Dictionary<string, object> { ["Bool"] = } }));""",
            """var t = new Topic(this, "T", new TopicProps { EnforceSSL = }); t.GrantPublish(new ServicePrincipal()); t.AddToResourcePolicy(); new TopicPolicy(this, "TP", new TopicPolicyProps { Topics = new ITopic[] { t, } });""",
            """new Amazon.CDK.AWS.EC2.Volume(this, "V", new Amazon.CDK.AWS.EC2.VolumeProps { Encrypted = , Size = }); Amazon.CDK.AWS.EC2.BlockDeviceVolume.Ebs(); Amazon.CDK.AWS.EC2.BlockDeviceVolume.Ebs(8, new Amazon.CDK.AWS.EC2.EbsDeviceOptions { Encrypted = }); new Amazon.CDK.AWS.OpenSearchService.Domain(this, "OS", new Amazon.CDK.AWS.OpenSearchService.DomainProps { Version = Amazon.CDK.AWS.OpenSearchService.EngineVersion.Elasticsearch(), Capacity = new Amazon.CDK.AWS.OpenSearchService.CapacityConfig { DataNodeInstanceType = } });""",
            """var sg = new Amazon.CDK.AWS.EC2.SecurityGroup(this, "SG", null); sg.AddIngressRule(Amazon.CDK.AWS.EC2.Peer.Ipv4(), Amazon.CDK.AWS.EC2.Port.TcpRange(22, )); sg.AddIngressRule(Amazon.CDK.AWS.EC2.Peer.AnyIpv4(), ); sg.Connections.AllowDefaultPortFromAnyIpv4(); missing.Connections.AllowDefaultPortFrom(Amazon.CDK.AWS.EC2.Peer.AnyIpv6());""",
            """new Amazon.CDK.AWS.StepFunctions.StateMachine(this, "SM", new Amazon.CDK.AWS.StepFunctions.StateMachineProps { Logs = new Amazon.CDK.AWS.StepFunctions.LogOptions { Destination = }, TracingEnabled = }); new Amazon.CDK.AWS.StepFunctions.StateMachine(this, );""",
            """var td = new Amazon.CDK.AWS.ECS.FargateTaskDefinition(this, "TD"); td.AddContainer("C", new Amazon.CDK.AWS.ECS.ContainerDefinitionOptions { Image = Amazon.CDK.AWS.ECS.ContainerImage.FromRegistry( }); td.AddContainer(); new Amazon.CDK.AWS.ECS.Patterns.ApplicationLoadBalancedTaskImageOptions { EnableLogging = , LogDriver = };""",
            "new Function(this, \"I\", new FunctionProps { Runtime = Runtime.PYTHON_3_8, Handler = \"index.handler\", Code = Code.FromInline(\"\"\"\n    def handler(e, c):\n        return json.dumps(e)\n    \"\"\" + ) });",
        };

        [Theory, MemberData(nameof(Snippets))]
        public async Task Analyzers_do_not_throw_on_incomplete_code(string snippet)
        {
            var source = Code.Usings + """
                using Amazon.CDK.AWS.APIGateway;
                using Amazon.CDK.AWS.CloudFront;
                using Amazon.CDK.AWS.CloudFront.Origins;
                using Amazon.CDK.AWS.Lambda.EventSources;
                using Function = Amazon.CDK.AWS.Lambda.Function;
                using FunctionProps = Amazon.CDK.AWS.Lambda.FunctionProps;
                using Distribution = Amazon.CDK.AWS.CloudFront.Distribution;
                namespace App
                {
                    public class HalfStack : Stack
                    {
                        public HalfStack(Construct scope, string id) : base(scope, id)
                        {
                """ + snippet + """

                        }
                    }
                }
                """;
            foreach (var version in new[] { CdkVersion.V2_103, CdkVersion.V2_277 })
            {
                var compilation = CSharpCompilation.Create("Half", new[] { CSharpSyntaxTree.ParseText(source) }, CdkReferences.For(version), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
                var (diagnostics, exceptions) = await Catalogue.RunAll(compilation);
                Assert.Empty(exceptions);
                Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            }
        }
    }
}
