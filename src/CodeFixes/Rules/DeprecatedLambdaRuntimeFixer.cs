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
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CdkLint.CodeFixes.Rules
{
    /// <summary>
    /// CDK5002: an interpreted runtime moves to its family's replacement — the <c>Runtime</c> member when the referenced
    /// CDK has it (and does not obsolete it), else <c>new Runtime("name", RuntimeFamily.X, new LambdaRuntimeProps {
    /// SupportsInlineCode = true })</c>: without that flag CDK refuses inline code on the runtime at synth. The analyzer
    /// decides which findings may move (no compiled runtimes, no Node.js code that needs SDK v2 or callbacks).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeprecatedLambdaRuntimeFixer)), Shared]
    public sealed class DeprecatedLambdaRuntimeFixer : CodeFixProvider
    {
        public const string EquivalenceKey = "CDK5002.Replace";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.CDK5002.Id);

        public override FixAllProvider GetFixAllProvider() => FixAll.PerFinding;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                var p = diagnostic.Properties;
                if (!p.ContainsKey(DeprecatedLambdaRuntimeAnalyzer.FixableKey)
                    || p[DeprecatedLambdaRuntimeAnalyzer.ReplacementNameKey] is not { } name
                    || p[DeprecatedLambdaRuntimeAnalyzer.ReplacementMemberKey] is not { } member
                    || p[DeprecatedLambdaRuntimeAnalyzer.FamilyKey] is not { } family)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create($"Move to the {name} runtime", ct => ApplyAsync(context.Document, diagnostic, name, member, family, ct), EquivalenceKey),
                    diagnostic);
            }

            return Task.CompletedTask;
        }

        private static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, string name, string member, string family, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node || model is null)
            {
                return document;
            }

            var value = node is ArgumentSyntax argument ? argument.Expression : node;
            var runtimeType = CdkSymbols.Get(model.Compilation)?.Type("Amazon.CDK.AWS.Lambda.Runtime");
            var hasMember = runtimeType?.GetMembers(member).Any(m => !m.GetAttributes().Any(a => a.AttributeClass?.Name == "ObsoleteAttribute")) == true;
            if (hasMember && value is MemberAccessExpressionSyntax access)
            {
                // `Runtime.NODEJS_16_X` → `Runtime.NODEJS_24_X`, keeping the user's qualification.
                return document.WithSyntaxRoot(root.ReplaceNode(access.Name, SyntaxFactory.IdentifierName(member).WithTriviaFrom(access.Name)));
            }

            var replacement = hasMember
                ? PropsEditing.QualifiedName("Amazon.CDK.AWS.Lambda.Runtime." + member)
                : PropsEditing.QualifiedExpression(
                    $"new global::Amazon.CDK.AWS.Lambda.Runtime(\"{name}\", global::Amazon.CDK.AWS.Lambda.RuntimeFamily.{family}, new global::Amazon.CDK.AWS.Lambda.LambdaRuntimeProps {{ SupportsInlineCode = true }})");
            return document.WithSyntaxRoot(root.ReplaceNode(value, replacement.WithTriviaFrom(value)));
        }
    }
}
