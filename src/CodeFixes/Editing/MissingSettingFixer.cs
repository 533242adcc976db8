using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace CdkLint.CodeFixes.Editing
{
    /// <summary>
    /// The shape of every fix for a missing setting reported on a construct creation: compute the settings to add, then
    /// write them into the construct's props wherever they are built. Fix All gathers a document's findings into one
    /// <see cref="PropsAdditions"/>, so constructs that share a props object (a helper) get each setting once.
    /// </summary>
    public abstract class MissingSettingFixer : CodeFixProvider
    {
        public sealed override FixAllProvider GetFixAllProvider()
            => FixAllProvider.Create((context, document, diagnostics) => ApplyAsync(document, diagnostics, context.CancellationToken));

        /// <summary>The constant equivalence key of the one fix this provider offers.</summary>
        internal abstract string EquivalenceKey { get; }

        internal abstract string Title(Diagnostic diagnostic);

        /// <summary>
        /// The settings to add for <paramref name="diagnostic"/> on <paramref name="creation"/>, or null when this finding
        /// has no fix (an option the team has not set, say).
        /// </summary>
        internal abstract IReadOnlyList<(string Name, ExpressionSyntax Value)>? Settings(FixContext context, ConstructCreation creation, Diagnostic diagnostic);

        /// <summary>
        /// Queues the fix for a missing setting on <paramref name="creation"/>. The default hands over to <see cref="Queue"/>;
        /// rules that must also create or move code (a statement before the creation, say) override this.
        /// </summary>
        internal virtual bool TryFixCreation(FixContext context, DocumentEditor editor, PropsAdditions additions, ConstructCreation creation, Diagnostic diagnostic)
            => Queue(additions, context, creation, diagnostic);

        /// <summary>
        /// Queues the edits for one finding. By default, <see cref="Settings"/> go into the construct's own props; a fixer
        /// that writes into a nested options object (API Gateway's <c>DeployOptions</c>, say) overrides this.
        /// </summary>
        internal virtual bool Queue(PropsAdditions additions, FixContext context, ConstructCreation creation, Diagnostic diagnostic)
            => Settings(context, creation, diagnostic) is { Count: > 0 } settings
               && additions.TryAdd(creation, context.Symbols, settings, context.CancellationToken);

        /// <summary>
        /// For rules that also report a bad value (not only a missing one): rewrite the value at <paramref name="node"/>.
        /// True when an edit was queued on <paramref name="editor"/>.
        /// </summary>
        internal virtual bool TryFixValue(FixContext context, DocumentEditor editor, SyntaxNode node, Diagnostic diagnostic) => false;

        /// <summary>
        /// For rules that report a call that creates a construct from options (<c>taskDefinition.AddContainer(id, options)</c>):
        /// queue the missing setting for those options. True when an edit was queued.
        /// </summary>
        internal virtual bool TryFixCall(FixContext context, DocumentEditor editor, PropsAdditions additions, Microsoft.CodeAnalysis.Operations.IInvocationOperation call, Diagnostic diagnostic) => false;

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                // Offered only when the edit can actually be made (the props object is in this document).
                var trial = await ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), context.CancellationToken).ConfigureAwait(false);
                if (trial is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(Title(diagnostic), ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), ct)!, EquivalenceKey),
                    diagnostic);
            }
        }

        private async Task<Document?> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var model = editor.SemanticModel;
            if (CdkSymbols.Get(model.Compilation) is not { } symbols)
            {
                return null;
            }

            var fixContext = new FixContext(document, model, symbols, cancellationToken);
            var additions = new PropsAdditions();
            var edited = false;
            foreach (var diagnostic in diagnostics)
            {
                var node = editor.OriginalRoot.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (node is ArgumentSyntax argument)
                {
                    node = argument.Expression;
                }

                if (TryFixValue(fixContext, editor, node, diagnostic))
                {
                    edited = true;
                    continue;
                }

                if (ConstructCreation.TryFind(model, node, symbols, cancellationToken, out var creation)
                    && TryFixCreation(fixContext, editor, additions, creation, diagnostic))
                {
                    edited = true;
                }
                else if (node is InvocationExpressionSyntax && model.GetOperation(node, cancellationToken) is Microsoft.CodeAnalysis.Operations.IInvocationOperation call
                    && TryFixCall(fixContext, editor, additions, call, diagnostic))
                {
                    edited = true;
                }
            }

            if (!additions.HasWork && !edited)
            {
                return null;
            }

            additions.Apply(editor);
            return editor.GetChangedDocument();
        }
    }

    /// <summary>
    /// The fix of a rule whose missing setting is one boolean that must be true (<c>EnforceSSL</c>,
    /// <c>EnableKeyRotation</c>, <c>DeletionProtection</c>): the property is added where the props are built, and a
    /// <c>false</c> literal is written over.
    /// </summary>
    public abstract class TrueSettingFixer : MissingSettingFixer
    {
        /// <summary>The props property to set to true.</summary>
        internal abstract string Property { get; }

        internal sealed override IReadOnlyList<(string Name, ExpressionSyntax Value)>? Settings(FixContext context, ConstructCreation creation, Diagnostic diagnostic)
            => new[] { (Property, (ExpressionSyntax)Microsoft.CodeAnalysis.CSharp.SyntaxFactory.LiteralExpression(Microsoft.CodeAnalysis.CSharp.SyntaxKind.TrueLiteralExpression)) };

        internal sealed override bool TryFixValue(FixContext context, DocumentEditor editor, SyntaxNode node, Diagnostic diagnostic) => BooleanSettings.ReplaceFalseLiteral(editor, node);
    }

    /// <summary>Edits shared by the fixers of boolean settings.</summary>
    internal static class BooleanSettings
    {
        /// <summary>
        /// For a finding on a <c>false</c> literal assigned to a props property (<c>DeletionProtection = false</c>): write
        /// <c>true</c> there. A false held in a constant or a variable is left alone: the name may serve elsewhere.
        /// </summary>
        public static bool ReplaceFalseLiteral(DocumentEditor editor, SyntaxNode node)
        {
            if (node is not LiteralExpressionSyntax literal || !literal.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.FalseLiteralExpression)
                || literal.Parent is not AssignmentExpressionSyntax assignment || assignment.Right != literal)
            {
                return false;
            }

            editor.ReplaceNode(literal, Microsoft.CodeAnalysis.CSharp.SyntaxFactory.LiteralExpression(Microsoft.CodeAnalysis.CSharp.SyntaxKind.TrueLiteralExpression).WithTriviaFrom(literal));
            return true;
        }
    }

    /// <summary>What a fixer may consult: the document, its semantic model, the CDK symbols and the team's options.</summary>
    public sealed class FixContext
    {
        internal FixContext(Document document, SemanticModel model, CdkSymbols symbols, CancellationToken cancellationToken)
        {
            Document = document;
            Model = model;
            Symbols = symbols;
            CancellationToken = cancellationToken;
        }

        public Document Document { get; }

        public SemanticModel Model { get; }

        internal CdkSymbols Symbols { get; }

        public CancellationToken CancellationToken { get; }

        /// <summary>The app's cdk.json, as the package passes it to the analyzer.</summary>
        internal CdkJson CdkJson => CdkConfiguration.GetCdkJson(Document.Project.AnalyzerOptions, CancellationToken);

        /// <summary>`cdklint.&lt;ruleId&gt;.&lt;option&gt;` or `cdklint.&lt;option&gt;` from .editorconfig / globalconfig.</summary>
        public bool TryGetOption(string ruleId, string option, out string value)
            => CdkConfiguration.TryGetOption(Document.Project.AnalyzerOptions, Model.SyntaxTree, ruleId, option, out value);

        /// <summary>
        /// A numeric option within what AWS accepts (<paramref name="min"/>..<paramref name="max"/>), as a C# literal; false
        /// when it is unset or out of range, so the fix is not offered rather than writing a value that fails the deploy.
        /// </summary>
        public bool TryGetNumberOption(string ruleId, string option, double min, double max, bool integer, out string literal)
        {
            literal = string.Empty;
            if (!TryGetOption(ruleId, option, out var text)
                || !double.TryParse(text, integer ? System.Globalization.NumberStyles.None : System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value)
                || value < min || value > max)
            {
                return false;
            }

            literal = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }
    }
}
