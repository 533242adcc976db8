using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CdkLint.Tests.Infrastructure
{
    /// <summary>
    /// What `dotnet format analyzers --diagnostics ID` does with a fixer, in process: it asks the fixer for the first
    /// finding's fixes, takes the first one's equivalence key (null when that finding has no fix), and runs the fixer's
    /// Fix All provider once over the solution with that key.
    /// </summary>
    public static class DotnetFormat
    {
        public static async Task<(string Text, ImmutableArray<Diagnostic> Remaining)> RunAsync(
            CdkVersion version, string source, DiagnosticAnalyzer analyzer, CodeFixProvider fixer, string id)
        {
            using var workspace = new AdhocWorkspace();
            var project = workspace.AddProject(ProjectInfo.Create(
                ProjectId.CreateNewId(), VersionStamp.Create(), "Infra", "Infra", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
                metadataReferences: CdkReferences.For(version)));
            var document = workspace.AddDocument(project.Id, "Stack.cs", SourceText.From(source));

            var findings = await FindingsAsync(document.Project, analyzer, id);
            if (findings.IsEmpty)
            {
                return (source, findings);
            }

            var first = findings[0];
            CodeAction? action = null;
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, first, (a, _) => action ??= a, CancellationToken.None));
            var context = new FixAllContext(document, fixer, FixAllScope.Solution, action?.EquivalenceKey!, new[] { id }, new Provider(findings), CancellationToken.None);
            var fixAll = await fixer.GetFixAllProvider()!.GetFixAsync(context);
            Xunit.Assert.True(fixAll is not null, $"{fixer.GetType().Name} didn't return a Fix All action");
            var operations = await fixAll!.GetOperationsAsync(CancellationToken.None);
            var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
            var text = (await changed.GetTextAsync()).ToString();
            return (text, await FindingsAsync(changed.Project, analyzer, id));
        }

        private static async Task<ImmutableArray<Diagnostic>> FindingsAsync(Project project, DiagnosticAnalyzer analyzer, string id)
        {
            var compilation = (await project.GetCompilationAsync())!;
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Xunit.Assert.True(errors.Count == 0, string.Join("\n", errors));
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync();
            return diagnostics.Where(d => d.Id == id).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
        }

        private sealed class Provider : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> _diagnostics;

            public Provider(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
        }
    }
}
