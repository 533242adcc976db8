using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CdkLint.Cdk;
using CdkLint.CodeFixes.Editing;
using CdkLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.CodeFixes.Rules
{
    /// <summary>
    /// CDK1002: RemovalPolicy.RETAIN, and in the same edit no AutoDeleteObjects (CDK throws at synth when
    /// AutoDeleteObjects is combined with anything but DESTROY). Both findings on one bucket produce this one edit,
    /// so Fix All applies it once per construct.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StatefulResourceDestroyedFixer)), Shared]
    public sealed class StatefulResourceDestroyedFixer : CodeFixProvider
    {
        public const string EquivalenceKey = "CDK1002.Retain";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.CDK1002.Id);

        public override FixAllProvider GetFixAllProvider()
            => FixAllProvider.Create((context, document, diagnostics) => ApplyAsync(document, diagnostics, context.CancellationToken));

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.Properties.TryGetValue(StatefulResourceDestroyedAnalyzer.HeldInVariableProperty, out var held) && held == "true")
                {
                    continue; // the variable may serve other resources; rewriting the use alone would leave it unused
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Retain the resource when the stack is deleted (RemovalPolicy.RETAIN)",
                        ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), ct)!,
                        EquivalenceKey),
                    diagnostic);
            }

            return Task.CompletedTask;
        }

        private static async Task<Document?> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var model = editor.SemanticModel;
            var symbols = CdkSymbols.Get(model.Compilation);
            if (symbols?.RemovalPolicy is not { } removalPolicy)
            {
                return document;
            }

            var root = editor.OriginalRoot;
            var edited = new HashSet<SyntaxNode>();
            foreach (var diagnostic in diagnostics)
            {
                var value = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (value is ArgumentSyntax argument)
                {
                    value = argument.Expression;
                }

                if (value.Parent is not AssignmentExpressionSyntax assignmentSyntax)
                {
                    // `.ApplyRemovalPolicy(RemovalPolicy.DESTROY)`
                    if (model.GetOperation(value, cancellationToken) is { } argumentValue && StatefulResourceDestroyedAnalyzer.IsHeldInVariable(argumentValue))
                    {
                        continue;
                    }

                    if (edited.Add(value))
                    {
                        PropsEditing.ReplaceEnumMember(editor, value, "Amazon.CDK.RemovalPolicy", "DESTROY", "RETAIN");
                    }

                    continue;
                }

                if (model.GetOperation(assignmentSyntax, cancellationToken) is not ISimpleAssignmentOperation operation)
                {
                    continue;
                }

                // Both findings on one props object (DESTROY and AutoDeleteObjects) make the same edit.
                var props = PropsReader.ReadObjectOf(operation, cancellationToken);
                var assignments = props.Assignments.IsEmpty ? ImmutableArray.Create(new PropAssignment(((IPropertyReferenceOperation)operation.Target).Property, operation)) : props.Assignments;
                foreach (var assignment in assignments)
                {
                    if (assignment.Assignment.Syntax is not AssignmentExpressionSyntax syntax || !edited.Add(syntax))
                    {
                        continue;
                    }

                    if (assignment.Name == "RemovalPolicy" && StatefulResourceDestroyedAnalyzer.IsDestroy(assignment.Value, removalPolicy)
                        && !StatefulResourceDestroyedAnalyzer.IsHeldInVariable(assignment.Value))
                    {
                        PropsEditing.ReplaceEnumMember(editor, assignment.Value.Syntax, "Amazon.CDK.RemovalPolicy", "DESTROY", "RETAIN");
                    }
                    else if (assignment.Name == "AutoDeleteObjects" && SymbolEqualityComparer.Default.Equals(assignment.Property.ContainingType, symbols.Type("Amazon.CDK.AWS.S3.BucketProps")))
                    {
                        PropsEditing.RemoveAssignment(editor, syntax);
                    }
                }
            }

            return editor.GetChangedDocument();
        }
    }
}
