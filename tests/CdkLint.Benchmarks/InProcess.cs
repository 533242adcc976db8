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

    /// <summary>The app's sources, parsed, and its references, loaded: once per measurement, shared by its runs.</summary>
    internal static (SyntaxTree[] Trees, MetadataReference[] References) Load(string appDir, string[] references)
        => (Directory.GetFiles(appDir, "*.cs")
                .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), f))
                .ToArray(),
            references.Select(r => (MetadataReference)MetadataReference.CreateFromFile(r)).ToArray());

    /// <summary>A fresh compilation of the app for one run, built on one thread.</summary>
    private static CSharpCompilation NewCompilation(SyntaxTree[] trees, MetadataReference[] refs)
        => CSharpCompilation.Create("App", trees, refs, new CSharpCompilationOptions(OutputKind.ConsoleApplication, concurrentBuild: false));

    /// <summary>Analysis on one thread, so that per-thread allocation counts and callback times add up.</summary>
    private static CompilationWithAnalyzersOptions SingleThreaded(bool logAnalyzerExecutionTime)
        => new(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: logAnalyzerExecutionTime);

    /// <summary>
    /// What the compilers load: CdkLint's one analyzer, which runs every rule in one pass (suppressors aside). With
    /// CDKLINT_BENCH_ONLY, the named rules instead, each on its own (a rule is also an analyzer, for its tests).
    /// </summary>
    private static IEnumerable<DiagnosticAnalyzer> CdkLintAnalyzers()
        => Only is null
            ? new DiagnosticAnalyzer[] { new CdkLint.CdkLintAnalyzer() }
            : typeof(CdkLint.Cdk.CdkAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(CdkLint.Cdk.CdkAnalyzer).IsAssignableFrom(t) && Only.Contains(t.Name))
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!);

    /// <summary>
    /// CdkLint's own work on an app, for the harness's table: every analyzer accounted (callbacks without the GC pauses
    /// inside them), one thread, <paramref name="runs"/> runs on fresh compilations; the first half warm the code up (JIT
    /// and tiering, which a small app needs more runs to finish), the median of the second half is returned, with the
    /// median of the bytes allocated.
    /// </summary>
    public static (double OwnSeconds, double Megabytes) OwnWork(string appDir, string[] references, int runs)
    {
        var (trees, refs) = Load(appDir, references);
        var accounted = CdkLintAnalyzers().Select(a => new AccountingAnalyzer(a)).ToArray();
        var analyzers = accounted.Cast<DiagnosticAnalyzer>().ToImmutableArray();
        var own = new List<double>();
        var megabytes = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var compilation = NewCompilation(trees, refs);
            compilation.GetDiagnostics();
            var options = SingleThreaded(logAnalyzerExecutionTime: false);
            foreach (var a in accounted)
            {
                a.Account.Clear();
            }

            _ = compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).Result;
            if (run >= runs / 2)
            {
                own.Add(accounted.Sum(a => a.Account.OwnSeconds));
                megabytes.Add(accounted.Sum(a => a.Account.Bytes) / 1e6);
            }
        }

        return (own.OrderBy(v => v).ElementAt(own.Count / 2), megabytes.OrderBy(v => v).ElementAt(megabytes.Count / 2));
    }

    public static void Run(string appDir, string[] references, int runs)
    {
        if (Environment.GetEnvironmentVariable("CDKLINT_BENCH_SHARED") == "1")
        {
            SharedTreeProbe.Run(appDir, references);
            return;
        }

        var (trees, refs) = Load(appDir, references);
        var analyzers = CdkLintAnalyzers()
            .Append(new OperationFloorAnalyzer())
            .ToImmutableArray();
        // CDKLINT_BENCH_ACCOUNTS=1: every CdkLint analyzer is wrapped so that its callbacks are timed here, with the GC pauses
        // that fell inside them and the bytes they allocated: its own work, apart from collections the compiler's binding
        // made due while a CdkLint callback happened to run.
        if (Environment.GetEnvironmentVariable("CDKLINT_BENCH_ACCOUNTS") == "1")
        {
            analyzers = analyzers.Select(a => a is OperationFloorAnalyzer ? a : new AccountingAnalyzer(a)).ToImmutableArray();
        }

        var ownTotals = new List<double>();
        var bytesTotals = new List<double>();
        var ownPerRule = new Dictionary<string, List<(double Own, double MB, long Calls)>>();
        var totals = new List<double>();
        var perRule = new Dictionary<string, List<double>>();
        for (var run = 0; run < runs; run++)
        {
            var compilation = NewCompilation(trees, refs);
            var errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
            var options = SingleThreaded(logAnalyzerExecutionTime: true);
            var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            var jitTime = System.Runtime.JitInfo.GetCompilationTime();
            var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
            foreach (var accounting in analyzers.OfType<AccountingAnalyzer>())
            {
                accounting.Account.Clear();
            }

            var pauses = GC.GetTotalPauseDuration();
            var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var watch = Stopwatch.StartNew();
            var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).Result;
            watch.Stop();
            var telemetry = analyzers.ToDictionary(a => (a as AccountingAnalyzer)?.Name ?? a.GetType().Name, a => withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).Result.ExecutionTime.TotalSeconds);
            Console.WriteLine($"run {run + 1}: JIT {(System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalSeconds:F3} s for {System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods} methods, {watch.Elapsed.TotalSeconds:F3} s wall, {telemetry.Where(t => t.Key != nameof(OperationFloorAnalyzer)).Sum(t => t.Value):F3} s in CdkLint, {telemetry[nameof(OperationFloorAnalyzer)]:F3} s in the floor analyzer, {diagnostics.Length} diagnostics, {errors} compile errors");
            Console.WriteLine($"    GC during the run: {(GC.GetTotalPauseDuration() - pauses).TotalSeconds:F3} s paused; collections gen0 {GC.CollectionCount(0) - collections.Item1}, gen1 {GC.CollectionCount(1) - collections.Item2}, gen2 {GC.CollectionCount(2) - collections.Item3}");
            if (analyzers.OfType<AccountingAnalyzer>().ToArray() is { Length: > 0 } accounted)
            {
                var own = accounted.Sum(a => a.Account.OwnSeconds);
                Console.WriteLine($"    in CdkLint's callbacks: {accounted.Sum(a => a.Account.Seconds):F3} s, of it GC pauses {accounted.Sum(a => a.Account.PauseSeconds):F3} s, own work {own:F3} s; {accounted.Sum(a => a.Account.Bytes) / 1e6:F1} MB allocated; {accounted.Sum(a => a.Account.Calls)} calls");
                if (run > 0)
                {
                    ownTotals.Add(own);
                    bytesTotals.Add(accounted.Sum(a => a.Account.Bytes) / 1e6);
                    foreach (var a in accounted)
                    {
                        (ownPerRule.TryGetValue(a.Name, out var list) ? list : ownPerRule[a.Name] = new List<(double, double, long)>()).Add((a.Account.OwnSeconds, a.Account.Bytes / 1e6, a.Account.Calls));
                    }
                }
            }

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
            // then all of CdkLint together. The counter is process-wide (the runtime's own threads count too), so single rules
            // can come out negative: CDKLINT_BENCH_ACCOUNTS=1 counts each rule's bytes on its own thread instead.
            var all = analyzers.Where(a => a is not OperationFloorAnalyzer).ToImmutableArray();
            foreach (var analyzer in analyzers.Reverse().Select(a => ImmutableArray.Create(a)).Append(all))
            {
                var compilation = NewCompilation(trees, refs);
                compilation.GetDiagnostics();
                var options = SingleThreaded(logAnalyzerExecutionTime: false);
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

        // CDKLINT_BENCH_TICKS=N: N more runs with the floor analyzer alone, then N with every analyzer, counting the runtime's
        // allocation samples per type: the types whose bytes grow are what CdkLint allocates (or has Roslyn allocate).
        if (Environment.GetEnvironmentVariable("CDKLINT_BENCH_TICKS") is { Length: > 0 } ticksRuns)
        {
            var floorOnly = ImmutableArray.Create<DiagnosticAnalyzer>(new OperationFloorAnalyzer());
            var results = new List<Dictionary<string, long>>();
            foreach (var set in new[] { floorOnly, analyzers })
            {
                using var listener = new AllocationTicks();
                for (var r = 0; r < int.Parse(ticksRuns); r++)
                {
                    var compilation = NewCompilation(trees, refs);
                    compilation.GetDiagnostics();
                    var options = SingleThreaded(logAnalyzerExecutionTime: false);
                    listener.On = true;
                    _ = compilation.WithAnalyzers(set, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).Result;
                    listener.On = false;
                }

                results.Add(new Dictionary<string, long>(listener.Bytes));
            }

            var n = int.Parse(ticksRuns);
            Console.WriteLine($"allocation samples per run: floor {results[0].Values.Sum() / n / 1e6:F1} MB, all {results[1].Values.Sum() / n / 1e6:F1} MB");
            foreach (var name in results[1].Keys.Union(results[0].Keys).OrderByDescending(k => results[1].GetValueOrDefault(k) - results[0].GetValueOrDefault(k)).Take(40))
            {
                Console.WriteLine($"  {(results[1].GetValueOrDefault(name) - results[0].GetValueOrDefault(name)) / n / 1e6,7:F2} MB  {name}");
            }
        }

        static double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);
        Console.WriteLine($"warm median: {Median(totals):F3} s");
        if (ownTotals.Count > 0)
        {
            Console.WriteLine($"warm median of CdkLint's own work (callbacks without GC pauses): {Median(ownTotals):F3} s; allocated {Median(bytesTotals):F1} MB");
            foreach (var (name, values) in ownPerRule.OrderByDescending(p => Median(p.Value.Select(v => v.Own).ToList())))
            {
                Console.WriteLine($"  {Median(values.Select(v => v.Own).ToList()):F3} s own  {Median(values.Select(v => v.MB).ToList()),6:F2} MB  {values[0].Calls,7} calls  {name}");
            }

            return;
        }

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

/// <summary>Counts the runtime's allocation samples (one per ~100 KB allocated) per type name, in this process.</summary>
internal sealed class AllocationTicks : System.Diagnostics.Tracing.EventListener
{
    public readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> Bytes = new();
    public volatile bool On;

    protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
    {
        if (!On || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
        {
            return;
        }

        var name = e.PayloadNames!.IndexOf("TypeName") is var i and >= 0 ? e.Payload[i] as string ?? "?" : "?";
        Bytes.AddOrUpdate(name, 100_000, (_, v) => v + 100_000);
    }
}

/// <summary>
/// CDKLINT_BENCH_SHARED=1: does a helper's body read through <c>SemanticModel.GetOperation</c> (as CdkLint's props reader
/// reads <c>Defaults()</c>) hand back the same operation instances the driver gives the callbacks for that body? If so,
/// binding the helper first moves work from the driver into CdkLint's account but does not add any.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class SharedTreeProbe : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("PROBE001", "Probe", "Probe", "Probe", DiagnosticSeverity.Warning, true);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<IOperation, byte> _fromDriver = new(ReferenceEqualityComparer.Instance);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<IOperation, byte> _fromModel = new(ReferenceEqualityComparer.Instance);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public static void Run(string appDir, string[] references)
    {
        var (trees, refs) = InProcess.Load(appDir, references);
        var compilation = CSharpCompilation.Create("App", trees, refs, new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        foreach (var concurrent in new[] { false, true })
        {
            var probe = new SharedTreeProbe();
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrent, false);
            _ = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(probe), options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).Result;
            var read = probe._fromModel.Keys.ToList();
            Console.WriteLine($"concurrent analysis {concurrent}: {read.Count} assignments read in helper bodies through GetOperation, {read.Count(probe._fromDriver.ContainsKey)} of them the very instances the driver handed to callbacks (of {probe._fromDriver.Count} it handed in all)");
        }
    }

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(c => _fromDriver.TryAdd(c.Operation, 0), OperationKind.SimpleAssignment);
        context.RegisterOperationAction(
            c =>
            {
                var call = (Microsoft.CodeAnalysis.Operations.IInvocationOperation)c.Operation;
                if (call.TargetMethod.Name != "Defaults" || call.TargetMethod.DeclaringSyntaxReferences.Length != 1
                    || call.SemanticModel?.GetOperation(call.TargetMethod.DeclaringSyntaxReferences[0].GetSyntax()) is not { } body)
                {
                    return;
                }

                foreach (var op in Microsoft.CodeAnalysis.Operations.OperationExtensions.Descendants(body))
                {
                    if (op is Microsoft.CodeAnalysis.Operations.ISimpleAssignmentOperation)
                    {
                        _fromModel.TryAdd(op, 0);
                    }
                }
            },
            OperationKind.Invocation);
    }
}
