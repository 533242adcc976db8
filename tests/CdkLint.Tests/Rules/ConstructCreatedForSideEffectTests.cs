using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using CdkLint.Rules;
using CdkLint.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace CdkLint.Tests.Rules
{
    /// <summary>
    /// CDKS001 against the real CA1806 analyzer: the .NET SDK's own NetAnalyzers (the ones `AnalysisMode=All` turns
    /// on), loaded from the SDK that runs these tests.
    /// </summary>
    public class ConstructCreatedForSideEffectTests
    {
        private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> Ca1806 = new(LoadCa1806);

        [Theory, CdkVersions]
        public async Task Discarded_constructs_are_suppressed_and_other_discarded_objects_are_not(CdkVersion version)
        {
            var source = Code.Usings + """
                namespace Shop
                {
                    public class AppStack : Stack
                    {
                        public AppStack(Construct scope, string id, IStackProps props = null) : base(scope, id, props)
                        {
                            new Bucket(this, "Images");
                            new Queue(this, "Orders", new QueueProps { VisibilityTimeout = Duration.Seconds(60) });
                            new Widget(this, "Mine");
                            new System.Text.StringBuilder("not a construct");
                            new Lookalike(this, "NotRegistered");
                            var kept = new Bucket(this, "Kept");
                        }
                    }

                    public class Widget : Construct
                    {
                        public Widget(Construct scope, string id) : base(scope, id) { }
                    }

                    public class Lookalike
                    {
                        public Lookalike(object scope, string id) { }
                    }

                    public static class Program
                    {
                        public static void Main()
                        {
                            var app = new Amazon.CDK.App();
                            new AppStack(app, "Shop");
                            app.Synth();
                        }
                    }
                }
                """;

            var diagnostics = await Analyze(version, source, withSuppressor: true);
            string[] Lines(bool suppressed) => diagnostics.Where(d => d.Id == "CA1806" && d.IsSuppressed == suppressed)
                .Select(d => d.Location.SourceTree!.GetText().Lines.GetLineFromPosition(d.Location.SourceSpan.Start).ToString().Trim())
                .OrderBy(l => l, StringComparer.Ordinal).ToArray();

            Assert.Equal(
                new[]
                {
                    "new AppStack(app, \"Shop\");",
                    "new Bucket(this, \"Images\");",
                    "new Queue(this, \"Orders\", new QueueProps { VisibilityTimeout = Duration.Seconds(60) });",
                    "new Widget(this, \"Mine\");",
                },
                Lines(suppressed: true));
            Assert.Equal(new[] { "new Lookalike(this, \"NotRegistered\");", "new System.Text.StringBuilder(\"not a construct\");" }, Lines(suppressed: false));
        }

        [Fact]
        public async Task Without_the_suppressor_CA1806_reports_every_discarded_construct()
        {
            var source = Code.Stack("""
                        new Bucket(this, "Images");
                        new Topic(this, "Events");
            """);
            var diagnostics = await Analyze(CdkVersion.V2_160, source, withSuppressor: false);
            Assert.Equal(2, diagnostics.Count(d => d.Id == "CA1806" && !d.IsSuppressed));
        }

        [Fact]
        public async Task Severity_none_turns_the_suppressor_off()
        {
            var source = Code.Stack("""
                        new Bucket(this, "Images");
            """);
            var diagnostics = await Analyze(CdkVersion.V2_160, source, withSuppressor: true, disableSuppressor: true);
            Assert.Single(diagnostics, d => d.Id == "CA1806" && !d.IsSuppressed);
        }

        [Fact]
        public async Task A_project_without_CDK_is_left_alone()
        {
            const string source = """
                public static class Program
                {
                    public static void Main() => new System.Text.StringBuilder("x");
                }

                public class Holder
                {
                    public void M() { new System.Text.StringBuilder("x"); }
                }
                """;
            var diagnostics = await Analyze(null, source, withSuppressor: true);
            Assert.Contains(diagnostics, d => d.Id == "CA1806" && !d.IsSuppressed);
            Assert.DoesNotContain(diagnostics, d => d.IsSuppressed);
        }

        private static async Task<ImmutableArray<Diagnostic>> Analyze(CdkVersion? version, string source, bool withSuppressor, bool disableSuppressor = false)
        {
            var compilation = CSharpCompilation.Create(
                "Suppressor",
                new[] { CSharpSyntaxTree.ParseText(source) },
                version is { } v ? CdkReferences.For(v) : CdkReferences.Framework,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable)
                    .WithSpecificDiagnosticOptions(disableSuppressor ? new[] { KeyValuePair.Create("CDKS001", ReportDiagnostic.Suppress) } : Array.Empty<KeyValuePair<string, ReportDiagnostic>>()));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var analyzers = withSuppressor ? Ca1806.Value.Add(new ConstructCreatedForSideEffectSuppressor()) : Ca1806.Value;
            var exceptions = 0;
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (_, _, _) => exceptions++, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true);
            var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
            Assert.Equal(0, exceptions);
            return diagnostics;
        }

        /// <summary>The analyzer that reports CA1806, from the NetAnalyzers of the newest installed SDK.</summary>
        private static ImmutableArray<DiagnosticAnalyzer> LoadCa1806()
        {
            var dotnetRoot = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
            var folder = Directory.GetDirectories(Path.Combine(dotnetRoot, "sdk"))
                .Select(sdk => Path.Combine(sdk, "Sdks", "Microsoft.NET.Sdk", "analyzers"))
                .Where(Directory.Exists)
                .OrderBy(p => p, StringComparer.Ordinal)
                .LastOrDefault() ?? throw new InvalidOperationException($"No SDK analyzers under {dotnetRoot}");
            return new[] { "Microsoft.CodeAnalysis.NetAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll" }
                .Select(name => Assembly.LoadFrom(Path.Combine(folder, name)))
                .SelectMany(a => a.GetTypes())
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
                    && t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .Where(a => a.SupportedDiagnostics.Any(d => d.Id == "CA1806"))
                .ToImmutableArray();
        }
    }
}
