using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace CdkLint.Tests.Infrastructure
{
    /// <summary>A code-fix test that compiles against real CDK metadata of one version, with no network access.</summary>
    public sealed class CdkTest<TAnalyzer, TFixer> : CSharpCodeFixTest<TAnalyzer, TFixer, DefaultVerifier>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFixer : CodeFixProvider, new()
    {
        public CdkTest(CdkVersion version, bool withCdk = true)
        {
            // An empty reference set: framework and CDK references are added below from restored packages.
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
            var references = withCdk ? CdkReferences.For(version) : CdkReferences.Framework;
            TestState.AdditionalReferences.AddRange(references);

            // The testing library turns on every diagnostic an analyzer supports; the AwsSolutions pack's are off by
            // default, as a user gets them, unless the test's .editorconfig turns them on.
            DisabledDiagnostics.AddRange(CdkLint.Pack.AwsSolutionsRules.All.Where(r => r.Coverage == CdkLint.Pack.Coverage.Pack).Select(r => r.Id));
        }

        /// <summary>Adds `.editorconfig` content for every source file (`key = value` lines).</summary>
        public CdkTest<TAnalyzer, TFixer> WithEditorConfig(string lines)
        {
            TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + lines + "\n"));
            if (lines.Contains("CDKN_", System.StringComparison.Ordinal))
            {
                // The test turns pack rules on, as the AwsSolutions preset does.
                DisabledDiagnostics.Clear();
            }

            return this;
        }

        public CdkTest<TAnalyzer, TFixer> WithCdkJson(string json)
        {
            TestState.AdditionalFiles.Add(("/cdk.json", json));
            return this;
        }
    }

    /// <summary>Shorthands over <see cref="CdkTest{TAnalyzer, TFixer}"/>.</summary>
    public static class Verify<TAnalyzer, TFixer>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFixer : CodeFixProvider, new()
    {
        /// <summary>Analyzer only: the `{|CDKnnnn:…|}` markup in <paramref name="source"/> is the expected result.</summary>
        public static Task Diagnostics(CdkVersion version, string source, string? editorConfig = null)
            => Diagnostics(version, source, editorConfig, System.Array.Empty<DiagnosticResult>());

        /// <summary>Analyzer only, with expected results for `{|#n:…|}` locations (to check message arguments).</summary>
        public static Task Diagnostics(CdkVersion version, string source, string? editorConfig, params DiagnosticResult[] expected)
        {
            var test = new CdkTest<TAnalyzer, TFixer>(version) { TestCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            if (editorConfig is not null)
            {
                test.WithEditorConfig(editorConfig);
            }

            return test.RunAsync();
        }

        /// <summary>Fix verification: fixed code compiles, nothing left to fix, Fix All agrees.</summary>
        public static Task Fix(CdkVersion version, string source, string fixedSource, string? equivalenceKey = null, string? editorConfig = null, string? batchFixedSource = null)
        {
            var test = new CdkTest<TAnalyzer, TFixer>(version) { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
            // Markup left in the fixed source names findings that have no fix and must remain.
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            if (batchFixedSource is not null)
            {
                // Fix All may legitimately differ from fixing one finding at a time (one fix can settle the next finding).
                test.BatchFixedCode = batchFixedSource;
            }

            if (editorConfig is not null)
            {
                test.WithEditorConfig(editorConfig);
            }

            return test.RunAsync();
        }
    }
}
