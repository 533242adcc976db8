using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Diagnostics.Tracing;

/// <summary>
/// Profiling aid: reads a trace of JIT (and GC) events (<c>dotnet-trace collect --providers
/// 'Microsoft-Windows-DotNETRuntime:0x11:5' -- dotnet …/csc.dll @rsp</c>) and sums, per area and optimisation tier, how
/// many methods were compiled and how long each took from its <c>MethodJittingStarted</c> to its
/// <c>MethodLoadVerbose</c> on the same thread (wall time, so preemption on a busy machine is included).
/// </summary>
internal static class JitEvents
{
    public static void Run(string tracePath, int top)
    {
        var started = new Dictionary<(int Thread, long Method), double>();
        var methods = new List<(string Area, string Tier, string Name, double Ms)>();
        var collections = new int[3];
        var pauseMs = 0.0;
        double? suspended = null;
        using (var source = new EventPipeEventSource(tracePath))
        {
            // With the GC keyword (0x1) in the trace: collections per generation, and the time the runtime was
            // suspended for them (from the start of the suspension to the end of the restart).
            source.Clr.GCStart += e => collections[Math.Min(e.Depth, 2)]++;
            source.Clr.GCSuspendEEStart += e => suspended ??= e.TimeStampRelativeMSec;
            source.Clr.GCRestartEEStop += e =>
            {
                if (suspended is { } start)
                {
                    pauseMs += e.TimeStampRelativeMSec - start;
                    suspended = null;
                }
            };
            source.Clr.MethodJittingStarted += e => started[(e.ThreadID, e.MethodID)] = e.TimeStampRelativeMSec;
            source.Clr.MethodLoadVerbose += e =>
            {
                if (!started.Remove((e.ThreadID, e.MethodID), out var start))
                {
                    return;
                }

                var name = e.MethodNamespace + "::" + e.MethodName;
                methods.Add((AreaOf(e.MethodNamespace, e.MethodSignature), e.OptimizationTier.ToString(), name, e.TimeStampRelativeMSec - start));
            };
            source.Process();
        }

        Console.WriteLine($"GC: {collections[0]} gen0, {collections[1]} gen1, {collections[2]} gen2 collections, {pauseMs / 1000:F2} s suspended");
        Console.WriteLine($"JIT: {methods.Count} methods, {methods.Sum(m => m.Ms) / 1000:F2} s");
        foreach (var group in methods.GroupBy(m => (m.Area, m.Tier)).OrderByDescending(g => g.Sum(m => m.Ms)))
        {
            Console.WriteLine($"  {group.Sum(m => m.Ms) / 1000,6:F2} s {group.Count(),6} methods  {group.Key.Area} | {group.Key.Tier}");
        }

        foreach (var method in methods.OrderByDescending(m => m.Ms).Take(top))
        {
            Console.WriteLine($"  {method.Ms,8:F1} ms  {method.Name} [{method.Tier}]");
        }
    }

    private static string AreaOf(string methodNamespace, string signature)
        => methodNamespace.Contains("CdkLint") || signature.Contains("CdkLint") ? "CdkLint (own methods and generics over its types)"
            : methodNamespace.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) ? "Roslyn"
            : "BCL and others";
}
