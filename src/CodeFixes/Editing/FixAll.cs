using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace CdkLint.CodeFixes.Editing
{
    /// <summary>
    /// Fix All for fixers that offer each finding its own edit. Every finding in scope gets the fix of the kind Fix All
    /// was started from when it offers that kind, and otherwise its own first fix; findings without a fix are skipped.
    /// <para>
    /// Roslyn's batch fixer applies only the fixes whose equivalence key equals the one Fix All was started with.
    /// <c>dotnet format analyzers --diagnostics ID</c> starts Fix All from the first finding of the ID in the solution:
    /// when that finding has no fix the key is null and nothing at all is fixed ("didn't return a Fix All action"), and
    /// when the rule has several kinds of fix (CDK1001's two, one per trigger in CDK3004) only the first finding's kind is
    /// applied. One run must fix every finding that has a fix, whatever the order of the findings.
    /// </para>
    /// </summary>
    internal static class FixAll
    {
        public static FixAllProvider PerFinding { get; } = FixAllProvider.Create(ApplyAsync);

        private static async Task<Document?> ApplyAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var cancellationToken = context.CancellationToken;
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var accepted = new List<TextChange>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                var actions = new List<CodeAction>();
                var fixContext = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
                await context.CodeFixProvider.RegisterCodeFixesAsync(fixContext).ConfigureAwait(false);
                var chosen = actions.FirstOrDefault(a => a.EquivalenceKey == context.CodeActionEquivalenceKey) ?? actions.FirstOrDefault();
                if (chosen is null)
                {
                    continue;
                }

                var changes = await ChangesAsync(chosen, document, cancellationToken).ConfigureAwait(false);
                if (changes is { Count: > 0 } && !changes.Any(change => accepted.Any(other => Overlap(change.Span, other.Span))))
                {
                    // Two findings whose edits touch the same text: the first wins; the next run of Fix All takes the other.
                    accepted.AddRange(changes);
                }
            }

            return accepted.Count == 0 ? document : document.WithText(text.WithChanges(accepted.OrderBy(c => c.Span.Start)));
        }

        /// <summary>The text edits one fix makes to <paramref name="document"/>; null when it also edits other documents.</summary>
        private static async Task<List<TextChange>?> ChangesAsync(CodeAction action, Document document, CancellationToken cancellationToken)
        {
            var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            if (operations.OfType<ApplyChangesOperation>().SingleOrDefault() is not { } apply
                || apply.ChangedSolution.GetDocument(document.Id) is not { } changed)
            {
                return null;
            }

            foreach (var project in apply.ChangedSolution.GetChanges(document.Project.Solution).GetProjectChanges())
            {
                if (project.GetChangedDocuments().Any(id => id != document.Id) || project.GetAddedDocuments().Any() || project.GetRemovedDocuments().Any())
                {
                    return null;
                }
            }

            return (await changed.GetTextChangesAsync(document, cancellationToken).ConfigureAwait(false)).ToList();
        }

        private static bool Overlap(TextSpan a, TextSpan b)
            => a.OverlapsWith(b) || a.Start == b.Start || a.IsEmpty && b.Contains(a.Start) || b.IsEmpty && a.Contains(b.Start);
    }
}
