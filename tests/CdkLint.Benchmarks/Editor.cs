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
using Microsoft.CodeAnalysis.Text;

/// <summary>
/// The editor's view: after each keystroke an IDE re-analyses the edited document, its syntax and semantic analyzer
/// diagnostics, on a compilation in which only that document changed. This mode edits one stack file of a generated app
/// (a comment typed at the end of the constructor, a character more each time), and times, per edit and in turn,
/// binding that document (its compiler diagnostics: what the editor computes anyway) and binding it plus CdkLint's
/// diagnostics of that document. CdkLint's share is the difference.
/// </summary>
internal static class Editor
{
    public static void Run(string appDir, string[] references, string file, int edits)
    {
        var (trees, refs) = InProcess.Load(appDir, references);
        var index = Array.FindIndex(trees, t => Path.GetFileName(t.FilePath) == file);
        if (index < 0)
        {
            throw new ArgumentException($"{file} is not a source of {appDir}");
        }

        var baseCompilation = CSharpCompilation.Create("App", trees, refs, new CSharpCompilationOptions(OutputKind.ConsoleApplication, concurrentBuild: false));
        _ = baseCompilation.GetDiagnostics(); // bind the rest of the app once, as a warm editor has
        var original = trees[index];
        var text = original.GetText();
        var insertAt = text.ToString().LastIndexOf("    }", StringComparison.Ordinal);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new CdkLint.CdkLintAnalyzer());
        var floor = ImmutableArray.Create<DiagnosticAnalyzer>(new OperationFloorAnalyzer());
        var bindOnly = new List<double>();
        var withFloor = new List<double>();
        var withCdkLint = new List<double>();
        for (var edit = 1; edit <= edits; edit++)
        {
            // Two independent edits of the same size, so that neither measurement finds the other's bound tree.
            var compilationA = Edited(baseCompilation, original, text, insertAt, edit, 'a', out var treeA);
            var compilationB = Edited(baseCompilation, original, text, insertAt, edit, 'b', out var treeB);
            var compilationC = Edited(baseCompilation, original, text, insertAt, edit, 'c', out var treeC);

            var watch = Stopwatch.StartNew();
            _ = compilationA.GetSemanticModel(treeA).GetDiagnostics();
            bindOnly.Add(watch.Elapsed.TotalMilliseconds);

            watch.Restart();
            withFloor.Add(Analyze(compilationC, treeC, floor).Milliseconds);

            watch.Restart();
            var model = compilationB.GetSemanticModel(treeB);
            _ = model.GetDiagnostics();
            var withAnalyzers = compilationB.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            _ = withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(treeB, CancellationToken.None).Result;
            var found = withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None).Result;
            withCdkLint.Add(watch.Elapsed.TotalMilliseconds);
            if (edit == 1)
            {
                Console.WriteLine($"{file}: {text.Lines.Count} lines, {found.Length} CdkLint findings in the document");
            }
        }

        // The first half warms the code up; the medians of the second half are reported.
        var warmBind = Median(bindOnly.Skip(edits / 2));
        var warmLint = Median(withCdkLint.Skip(edits / 2));
        var warmFloor = Median(withFloor.Skip(edits / 2));
        Console.WriteLine($"binding the document: {warmBind:F2} ms; with an analyzer that only asks for the operations CdkLint uses: {warmFloor:F2} ms; with CdkLint: {warmLint:F2} ms; CdkLint adds {warmLint - warmBind:F2} ms to binding, {warmLint - warmFloor:F2} ms to the floor (medians of edits {edits / 2 + 1}–{edits})");
    }

    private static (double Milliseconds, int Count) Analyze(Compilation compilation, SyntaxTree tree, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var watch = Stopwatch.StartNew();
        var model = compilation.GetSemanticModel(tree);
        _ = model.GetDiagnostics();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        _ = withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None).Result;
        var found = withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None).Result;
        return (watch.Elapsed.TotalMilliseconds, found.Length);
    }

    private static Compilation Edited(CSharpCompilation compilation, SyntaxTree original, SourceText text, int at, int length, char c, out SyntaxTree tree)
    {
        tree = original.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, 0), "        // " + new string(c, length) + "\n")));
        return compilation.ReplaceSyntaxTree(original, tree);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
