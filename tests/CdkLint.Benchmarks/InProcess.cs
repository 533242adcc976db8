using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>
/// Profiling aid, not the benchmark of record: runs every CdkLint analyzer in this process over one generated app,
/// several times on fresh compilations, one thread, and prints each rule's time from the driver's telemetry. Cold
/// (first run, JIT included) and warm (median of the rest) are shown apart.
/// </summary>
internal static class InProcess
{
    /// <summary>CDKLINT_BENCH_ONLY=A,B runs only the analyzers of those class names: a rule's cost on its own, without the
    /// shared work (props views, flattened bodies, trigger maps) that another rule would otherwise pay first.</summary>
    private static readonly HashSet<string>? Only = Environment.GetEnvironmentVariable("CDKLINT_BENCH_ONLY") is { Length: > 0 } only
        ? new HashSet<string>(only.Split(','), StringComparer.Ordinal)
        : null;

    public static void Run(string appDir, string[] references, int runs)
    {
        var trees = Directory.GetFiles(appDir, "*.cs")
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), f))
            .ToArray();
        var refs = references.Select(r => (MetadataReference)MetadataReference.CreateFromFile(r)).ToArray();
        var analyzers = typeof(CdkLint.Cdk.CdkAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !typeof(DiagnosticSuppressor).IsAssignableFrom(t))
            .Where(t => Only is null || Only.Contains(t.Name))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .Append(new OperationFloorAnalyzer())
            .ToImmutableArray();
        var totals = new List<double>();
        var perRule = new Dictionary<string, List<double>>();
        for (var run = 0; run < runs; run++)
        {
            var compilation = CSharpCompilation.Create("App", trees, refs, new CSharpCompilationOptions(OutputKind.ConsoleApplication, concurrentBuild: false));
            var errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
            var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            var jitTime = System.Runtime.JitInfo.GetCompilationTime();
            var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
            var watch = Stopwatch.StartNew();
            var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).Result;
            watch.Stop();
            var telemetry = analyzers.ToDictionary(a => a.GetType().Name, a => withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).Result.ExecutionTime.TotalSeconds);
            Console.WriteLine($"run {run + 1}: JIT {(System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalSeconds:F3} s for {System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods} methods, {watch.Elapsed.TotalSeconds:F3} s wall, {telemetry.Where(t => t.Key != nameof(OperationFloorAnalyzer)).Sum(t => t.Value):F3} s in CdkLint, {telemetry[nameof(OperationFloorAnalyzer)]:F3} s in the floor analyzer, {diagnostics.Length} diagnostics, {errors} compile errors");
            if (run == 0)
            {
                continue;
            }

            totals.Add(telemetry.Where(t => t.Key != nameof(OperationFloorAnalyzer)).Sum(t => t.Value));
            foreach (var (name, seconds) in telemetry)
            {
                (perRule.TryGetValue(name, out var list) ? list : perRule[name] = new List<double>()).Add(seconds);
            }
        }

        if (Environment.GetEnvironmentVariable("CDKLINT_BENCH_ALLOC") == "1")
        {
            // Bytes each analyzer allocates on its own (after the floor analyzer's, which builds the operation trees),
            // then all of CdkLint together: allocation counts repeat from run to run, unlike times on a busy machine.
            var all = analyzers.Where(a => a is not OperationFloorAnalyzer).ToImmutableArray();
            foreach (var analyzer in analyzers.Reverse().Select(a => ImmutableArray.Create(a)).Append(all))
            {
                var compilation = CSharpCompilation.Create("App", trees, refs, new CSharpCompilationOptions(OutputKind.ConsoleApplication, concurrentBuild: false));
                compilation.GetDiagnostics();
                var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
                var floor = ImmutableArray.Create<DiagnosticAnalyzer>(new OperationFloorAnalyzer());
                _ = compilation.WithAnalyzers(floor, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).Result;
                var floorBytes = GC.GetTotalAllocatedBytes(true);
                _ = compilation.WithAnalyzers(floor, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).Result;
                floorBytes = GC.GetTotalAllocatedBytes(true) - floorBytes;
                var before = GC.GetTotalAllocatedBytes(true);
                _ = compilation.WithAnalyzers(analyzer, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).Result;
                var name = analyzer.Length == 1 ? analyzer[0].GetType().Name : "all of CdkLint";
                Console.WriteLine($"  {(GC.GetTotalAllocatedBytes(true) - before - floorBytes) / 1e6,8:F1} MB {name} (beyond the floor's {floorBytes / 1e6:F1} MB)");
            }
        }

        static double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);
        Console.WriteLine($"warm median: {Median(totals):F3} s");
        foreach (var (name, values) in perRule.OrderByDescending(p => Median(p.Value)).Take(15))
        {
            Console.WriteLine($"  {Median(values):F3} {name}");
        }
    }
}

/// <summary>
/// The floor of any analyzer built on operations: asks the driver for the same callbacks CdkLint uses (object creations,
/// invocations, assignments) and does nothing in them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class OperationFloorAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("FLOOR001", "Floor", "Floor", "Floor", DiagnosticSeverity.Warning, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(_ => { }, OperationKind.ObjectCreation, OperationKind.Invocation, OperationKind.SimpleAssignment);
    }
}
