using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CdkLint.CodeFixes.Editing;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CdkLint.CodeFixes.Rules
{
    /// <summary>
    /// CDK2004: the team's origins from option <c>cdklint.allowed_cors_origins</c>, written as a <c>string[]</c>. Without
    /// the option there is no fix: an invented domain would break every real caller.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CorsAllowsEveryOriginFixer)), Shared]
    public sealed class CorsAllowsEveryOriginFixer : CodeFixProvider
    {
        public const string EquivalenceKey = "CDK2004.AllowedOrigins";
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.CDK2004.Id);

        public override FixAllProvider GetFixAllProvider() => FixAll.PerFinding;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var tree = await context.Document.GetSyntaxTreeAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || !CdkConfiguration.TryGetOption(context.Document.Project.AnalyzerOptions, tree, Descriptors.CDK2004.Id, OptionKeys.AllowedCorsOrigins, out var option))
            {
                return;
            }

            var origins = option.Split(',').Select(o => o.Trim()).Where(o => o.Length > 0 && o != "*").Distinct().ToList();
            if (origins.Count == 0)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Allow only {string.Join(", ", origins)}",
                        ct => ReplaceAsync(context.Document, value, origins, ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax value, System.Collections.Generic.List<string> origins, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var list = string.Join(", ", origins.Select(o => SyntaxFactory.Literal(o).Text));
            var replacement = SyntaxFactory.ParseExpression($"new[] {{ {list} }}").WithTriviaFrom(value);
            return document.WithSyntaxRoot(root!.ReplaceNode(value, replacement));
        }
    }
}
