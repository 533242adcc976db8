using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CdkLint
{
    /// <summary>
    /// The analyzer the compilers load: every CdkLint rule in one pass (<see cref="OnePass"/>), so that the cost follows
    /// the code and not the number of rules. The rules are the <see cref="CdkAnalyzer"/> classes of this assembly.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CdkLintAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Every rule, in name order.</summary>
        internal static readonly ImmutableArray<CdkAnalyzer> Rules = typeof(CdkLintAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CdkAnalyzer).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (CdkAnalyzer)Activator.CreateInstance(t))
            .ToImmutableArray();

        private static readonly ImmutableArray<DiagnosticDescriptor> All = Rules
            .SelectMany(r => r.SupportedDiagnostics)
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToImmutableArray();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => All;

#pragma warning disable RS1025, RS1026 // OnePass.Initialize configures generated code and concurrency
        public override void Initialize(AnalysisContext context) => OnePass.Initialize(context, Rules);
#pragma warning restore RS1025, RS1026
    }
}
