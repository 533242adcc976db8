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
