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

            new("VpcSeparate", "CDK4008", "AwsSolutions-VPC7", false, false, """var vpc = new Vpc(this, "VpcSeparate", new VpcProps { MaxAzs = 1 }); new FlowLog(this, "VpcSeparateLog", new FlowLogProps { ResourceType = FlowLogResourceType.FromVpc(vpc) });"""),
        };

        private static readonly (DiagnosticAnalyzer Analyzer, Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider Fixer, string Id)[] Fixes =
        {
            (new CdkLint.Rules.KeyWithoutRotationAnalyzer(), new CdkLint.CodeFixes.Rules.KeyWithoutRotationFixer(), "CDK2009"),
            (new CdkLint.Rules.DatabaseWithoutDeletionProtectionAnalyzer(), new CdkLint.CodeFixes.Rules.DatabaseWithoutDeletionProtectionFixer(), "CDK1006"),
            (new CdkLint.Rules.ClusterWithoutContainerInsightsAnalyzer(), new CdkLint.CodeFixes.Rules.ClusterWithoutContainerInsightsFixer(), "CDK4007"),
            (new CdkLint.Rules.VpcWithoutFlowLogsAnalyzer(), new CdkLint.CodeFixes.Rules.VpcWithoutFlowLogsFixer(), "CDK4008"),
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
                using Amazon.CDK.AWS.RDS;
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
