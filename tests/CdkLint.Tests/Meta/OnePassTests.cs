using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using CdkLint.Cdk;
using CdkLint.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace CdkLint.Tests.Meta
{
    /// <summary>
    /// The one pass: every rule runs inside the one analyzer the compilers load, each construct creation is resolved
    /// once for all rules, and a rule that is off for a file (severity none, by rule, category or global config) does
    /// no work there.
    /// </summary>
    public class OnePassTests
    {
        [Fact]
        public void The_package_exports_one_analyzer_that_runs_every_rule()
        {
            var exported = typeof(CdkLintAnalyzer).Assembly.GetTypes()
                .Where(t => t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
                .Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
            Assert.Equal(new[] { nameof(CdkLintAnalyzer), "ConstructCreatedForSideEffectSuppressor" }.OrderBy(n => n, StringComparer.Ordinal), exported);

            var rules = typeof(CdkLintAnalyzer).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(CdkAnalyzer).IsAssignableFrom(t)).ToList();
            Assert.Equal(rules.OrderBy(t => t.Name, StringComparer.Ordinal), CdkLintAnalyzer.Rules.Select(r => r.GetType()));
            var ids = new CdkLintAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToHashSet();
            Assert.All(CdkLintAnalyzer.Rules.SelectMany(r => r.SupportedDiagnostics), d => Assert.Contains(d.Id, ids));
        }

        private const string Stack = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.S3;
            using Constructs;
            namespace App
            {
                public class {0}Stack : Stack
                {
                    public {0}Stack(Construct scope, string id) : base(scope, id)
                    {
                        new Bucket(this, "B");
                        new Bucket(this, "C");
                    }
                }
            }
            """;

        [Theory]
        [InlineData("", 3, 3)]
        [InlineData("[/0/Test0.cs]\ndotnet_diagnostic.CDKPROBE.severity = none", 0, 3)]
        [InlineData("[*.cs]\ndotnet_diagnostic.CDKPROBE.severity = none\n[/0/Test1.cs]\ndotnet_diagnostic.CDKPROBE.severity = suggestion", 0, 3)]
        [InlineData("[*.cs]\ndotnet_diagnostic.CDKPROBE.severity = silent", 3, 3)]
        public async Task A_rule_that_is_off_for_a_file_is_not_called_there(string editorConfig, int first, int second)
        {
            var test = new CdkTest<ProbeRule, EmptyCodeFixProvider>(CdkVersion.V2_160);
            test.TestState.Sources.Add(("/0/Test0.cs", Stack.Replace("{0}", "First")));
            test.TestState.Sources.Add(("/0/Test1.cs", Stack.Replace("{0}", "Second")));
            if (editorConfig.Length > 0)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n" + editorConfig + "\n"));
            }

            ProbeRule.Reset();
            await test.RunAsync();
            Assert.Equal(first, Count("/0/Test0.cs"));
            Assert.Equal(second, Count("/0/Test1.cs"));
        }

        private static int Count(string path) => ProbeRule.Creations.Keys.Count(c => c.Path == path);

        /// <summary>
        /// Category and all-analyzer settings, and the command line, run directly (the test framework puts every
        /// diagnostic of the analyzer under test in the compilation options, where they would outrank a category).
        /// </summary>
        [Theory]
        [InlineData("dotnet_analyzer_diagnostic.category-CdkLint.Security.severity", "none", null, 0)]
        [InlineData("dotnet_analyzer_diagnostic.category-CdkLint.Security.severity", "warning", null, 3)]
        [InlineData("dotnet_analyzer_diagnostic.category-CdkLint.Deployment.severity", "none", null, 3)]
        [InlineData("dotnet_analyzer_diagnostic.severity", "none", null, 0)]
        [InlineData("dotnet_analyzer_diagnostic.severity", "none", ReportDiagnostic.Error, 3)]
        [InlineData(null, null, ReportDiagnostic.Suppress, 0)]
        public async Task Category_all_analyzer_and_command_line_settings(string? key, string? value, ReportDiagnostic? commandLine, int creations)
        {
            var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(Stack.Replace("{0}", "Only"), path: "/src/Only.cs");
            var specific = commandLine is { } c ? ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("CDKPROBE", c) : ImmutableDictionary<string, ReportDiagnostic>.Empty;
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Probe", new[] { tree }, CdkReferences.For(CdkVersion.V2_160),
                new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, specificDiagnosticOptions: specific));
            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new Options(key is null ? ImmutableDictionary<string, string>.Empty : ImmutableDictionary<string, string>.Empty.Add(key, value!)));
            ProbeRule.Reset();
            await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ProbeRule()), options).GetAnalyzerDiagnosticsAsync();
            Assert.Equal(creations, Count("/src/Only.cs"));
        }

        [Fact]
        public async Task A_rule_off_globally_and_on_again_for_the_files_runs_there()
        {
            // The None preset turns categories off in a global config; a team turns one back on in .editorconfig.
            var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(Stack.Replace("{0}", "Only"), path: "/src/Only.cs");
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Probe", new[] { tree }, CdkReferences.For(CdkVersion.V2_160),
                new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            const string key = "dotnet_analyzer_diagnostic.category-CdkLint.Security.severity";
            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new Options(
                ImmutableDictionary<string, string>.Empty.Add(key, "warning"), ImmutableDictionary<string, string>.Empty.Add(key, "none")));
            ProbeRule.Reset();
            await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ProbeRule()), options).GetAnalyzerDiagnosticsAsync();
            Assert.Equal(3, Count("/src/Only.cs"));
        }

        private sealed class Options : AnalyzerConfigOptionsProvider
        {
            private readonly Values _values;
            private readonly Values _global;

            public Options(ImmutableDictionary<string, string> values, ImmutableDictionary<string, string>? global = null)
            {
                _values = new Values(values);
                _global = global is null ? _values : new Values(global);
            }

            public override AnalyzerConfigOptions GlobalOptions => _global;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _values;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _values;

            private sealed class Values : AnalyzerConfigOptions
            {
                private readonly ImmutableDictionary<string, string> _values;

                public Values(ImmutableDictionary<string, string> values) => _values = values;

                public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
            }
        }
    }

    /// <summary>A rule that reports nothing and counts, per file, the construct creations it is handed.</summary>
#pragma warning disable RS1001, RS2008 // a test rule, run through the one pass like every rule; never shipped
    public sealed class ProbeRule : CdkAnalyzer
    {
        private static readonly DiagnosticDescriptor Descriptor = new("CDKPROBE", "Probe", "Probe", "CdkLint.Security", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        /// <summary>Each creation seen, once (the test framework runs the analyzer more than once per test).</summary>
        public static ConcurrentDictionary<(string Path, int Start), bool> Creations { get; private set; } = new();

        public static int Started;

        public static void Reset()
        {
            Creations = new ConcurrentDictionary<(string, int), bool>();
            Started = 0;
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            System.Threading.Interlocked.Increment(ref Started);
            context.RegisterConstructCreationAction((ctx, creation) => Creations.TryAdd((ctx.Operation.Syntax.SyntaxTree.FilePath, ctx.Operation.Syntax.SpanStart), true));
        }
    }
#pragma warning restore RS1001, RS2008
}
