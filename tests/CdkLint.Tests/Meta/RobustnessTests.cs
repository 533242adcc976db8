using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CdkLint.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace CdkLint.Tests.Meta
{
    /// <summary>
    /// Never crash: every analyzer over every line-prefix of the sample (code as it is being typed), and every fixer on
    /// every finding of the sample, one at a time, with compiling output. `csc` skips analyzers on code with syntax errors,
    /// so only an in-process run shows a crash on half-typed code.
    /// </summary>
    public class RobustnessTests
    {
        private readonly ITestOutputHelper _output;

        public RobustnessTests(ITestOutputHelper output) => _output = output;

        private static IEnumerable<string> SampleFiles()
            => Directory.EnumerateFiles(Path.Combine(CdkReferences.RepositoryRoot, "samples"), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
                .OrderBy(f => f, StringComparer.Ordinal);

        [Fact]
        public void Every_line_prefix_of_every_sample_file_analyzes_without_an_exception()
            => AnalyzeEveryLinePrefix(SampleFiles().ToList(), withSiblings: true);

        /// <summary>
        /// The test project's own sources, each cut at every line and compiled alone against CDK: C# that mostly does not
        /// use CDK (b), cut anywhere, including inside the raw strings that hold the rule tests' CDK code.
        /// </summary>
        [Fact]
        public void Every_line_prefix_of_every_test_source_file_analyzes_without_an_exception()
            => AnalyzeEveryLinePrefix(
                Directory.EnumerateFiles(Path.Combine(CdkReferences.RepositoryRoot, "tests", "CdkLint.Tests"), "*.cs", SearchOption.AllDirectories)
                    .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj" or "node_modules"))
                    .OrderBy(f => f, StringComparer.Ordinal)
                    .ToList(),
                withSiblings: false);

        /// <summary>Every analyzer over each file cut after every line (with the other files whole, or alone).</summary>
        private void AnalyzeEveryLinePrefix(List<string> files, bool withSiblings)
        {
            Assert.NotEmpty(files);
            var references = CdkReferences.For(CdkVersion.V2_160);
            var failures = new ConcurrentBag<string>();
            var prefixes = 0;
            foreach (var file in files)
            {
                var lines = File.ReadAllLines(file);
                var others = withSiblings ? files.Where(f => f != file).Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f)).ToList() : new List<SyntaxTree>();
                prefixes += lines.Length;
                Parallel.For(1, lines.Length + 1, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, count =>
                {
                    var prefix = CSharpSyntaxTree.ParseText(string.Join("\n", lines.Take(count)), path: file);
                    var compilation = CSharpCompilation.Create("Prefix", others.Append(prefix), references, new CSharpCompilationOptions(OutputKind.ConsoleApplication));
                    var (diagnostics, exceptions) = Catalogue.RunAll(compilation).GetAwaiter().GetResult();
                    foreach (var exception in exceptions)
                    {
                        failures.Add($"{Path.GetFileName(file)} cut after line {count}: {exception}");
                    }

                    foreach (var ad in diagnostics.Where(d => d.Id == "AD0001"))
                    {
                        failures.Add($"{Path.GetFileName(file)} cut after line {count}: {ad.GetMessage()}");
                    }
                });
            }

            _output.WriteLine($"{prefixes} prefixes of {files.Count} files analyzed");
            Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(20)));
        }

        [Fact]
        public async Task Every_fix_for_every_sample_finding_compiles()
        {
            using var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId();
            var info = ProjectInfo.Create(projectId, VersionStamp.Create(), "Sample", "Sample", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable),
                metadataReferences: CdkReferences.For(CdkVersion.V2_160));
            var solution = workspace.CurrentSolution.AddProject(info);
            foreach (var file in SampleFiles())
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(file), SourceText.From(File.ReadAllText(file)), filePath: file);
            }

            // The team's options, so that option-gated fixes are offered too; the app's cdk.json for its feature flags.
            var sampleDir = Path.Combine(CdkReferences.RepositoryRoot, "samples", "Ecommerce");
            solution = solution
                .AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From("""
                    root = true
                    [*.cs]
                    cdklint.CDK4001.values = Owner=catalog-team,Environment=dev
                    cdklint.allowed_cors_origins = https://shop.example-shop.com
                    cdklint.CDK3002.rate_limit = 100
                    cdklint.CDK3002.burst_limit = 200
                    cdklint.CDK3003.memory_size = 512
                    cdklint.CDK3003.timeout_seconds = 10
                    """), filePath: Path.Combine(sampleDir, ".editorconfig"))
                .AddAdditionalDocument(DocumentId.CreateNewId(projectId), "cdk.json", SourceText.From(File.ReadAllText(Path.Combine(sampleDir, "cdk.json"))), filePath: Path.Combine(sampleDir, "cdk.json"));
            Assert.True(workspace.TryApplyChanges(solution));
            var project = workspace.CurrentSolution.GetProject(projectId)!;

            var compilation = (await project.GetCompilationAsync())!;
            var diagnostics = await compilation.WithAnalyzers(Catalogue.Analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
            var findings = diagnostics.Where(d => d.Id.StartsWith("CDK", StringComparison.Ordinal)).ToList();
            var perRule = string.Join(" ", findings.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => g.Key + "×" + g.Count()));
            _output.WriteLine(perRule);
            // Every CDK rule of the catalogue (team-policy rules, CDK9xxx, are about how a team suppresses, not about the stack).
            // The baseline rules for resources the e-commerce stack does not have (RDS, KMS keys, ECS, VPCs, queues, state
            // machines, volumes, security groups) are shown
            // by their own tests and the differential check against cdk-nag instead.
            var notInSample = new[] { "CDK1006", "CDK1007", "CDK2007", "CDK2008", "CDK2009", "CDK4005", "CDK4006", "CDK4007", "CDK4008" };
            var rules = Catalogue.ConceptDescriptors.Select(d => d.Id).Where(id => !id.StartsWith("CDK9", StringComparison.Ordinal) && !notInSample.Contains(id)).ToList();
            Assert.True(rules.All(id => findings.Any(d => d.Id == id)), "the sample shows every rule: " + perRule);

            var applied = 0;
            var failures = new List<string>();
            foreach (var diagnostic in findings)
            {
                var document = project.GetDocument(diagnostic.Location.SourceTree)!;
                foreach (var fixer in Catalogue.Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    var actions = new List<CodeAction>();
                    try
                    {
                        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
                        foreach (var action in actions)
                        {
                            var operations = await action.GetOperationsAsync(CancellationToken.None);
                            var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
                            var errors = (await changed.GetProject(projectId)!.GetCompilationAsync())!.GetDiagnostics()
                                .Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                            if (errors.Count > 0)
                            {
                                failures.Add($"{diagnostic.Id} '{action.Title}' at {diagnostic.Location.GetLineSpan()}: {errors[0]}");
                            }

                            applied++;
                        }
                    }
                    catch (Exception e)
                    {
                        failures.Add($"{fixer.GetType().Name} on {diagnostic.Id} at {diagnostic.Location.GetLineSpan()}: {e}");
                    }
                }
            }

            _output.WriteLine($"{applied} fixes applied to {findings.Count} findings");
            Assert.True(failures.Count == 0, string.Join("\n", failures));
            Assert.True(applied >= 30, $"only {applied} fixes were offered");
        }
    }
}
