using System;
using System.Collections.Immutable;
using System.Linq;
using CdkLint.CodeFixes.Rules;
using CdkLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CdkLint.Tests.Infrastructure
{
    /// <summary>Every analyzer, suppressor and fixer CdkLint ships, found by reflection (nothing to keep in sync by hand).</summary>
    public static class Catalogue
    {
        public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = typeof(HardcodedPhysicalNameAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        public static ImmutableArray<CodeFixProvider> Fixers { get; } = typeof(HardcodedPhysicalNameFixer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = Analyzers
            .SelectMany(a => a.SupportedDiagnostics)
            .GroupBy(d => d.Id)
            .Select(g => g.First())
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();

        /// <summary>The concept rules (CDKnnnn), without the AwsSolutions pack's CDKN_x descriptors (off by default).</summary>
        public static ImmutableArray<DiagnosticDescriptor> ConceptDescriptors { get; } = Descriptors
            .Where(d => !d.Id.StartsWith("CDKN_", StringComparison.Ordinal))
            .ToImmutableArray();

        public static ImmutableArray<SuppressionDescriptor> Suppressions { get; } = Analyzers
            .OfType<DiagnosticSuppressor>()
            .SelectMany(s => s.SupportedSuppressions)
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();

        /// <summary>
        /// Runs every CdkLint analyzer over <paramref name="compilation"/> on one thread: the diagnostics, and every
        /// exception an analyzer threw (the driver would turn each into AD0001).
        /// </summary>
        public static async System.Threading.Tasks.Task<(ImmutableArray<Diagnostic> Diagnostics, System.Collections.Generic.List<string> Exceptions)> RunAll(Compilation compilation)
        {
            var exceptions = new System.Collections.Generic.List<string>();
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (e, a, _) => exceptions.Add(a + ": " + e), concurrentAnalysis: false, logAnalyzerExecutionTime: false);
            // The AwsSolutions pack on too (as the AwsSolutions preset turns it on), so that no input makes any rule throw.
            var pack = CdkLint.Pack.AwsSolutionsRules.All.Where(r => r.Coverage == CdkLint.Pack.Coverage.Pack)
                .Select(r => new System.Collections.Generic.KeyValuePair<string, ReportDiagnostic>(r.Id, ReportDiagnostic.Warn));
            compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(compilation.Options.SpecificDiagnosticOptions.SetItems(pack)));
            var diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync();
            return (diagnostics, exceptions);
        }
    }
}
