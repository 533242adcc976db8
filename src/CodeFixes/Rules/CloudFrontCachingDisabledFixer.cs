using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using CdkLint.CodeFixes.Editing;
using CdkLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace CdkLint.CodeFixes.Rules
{
    /// <summary>
    /// CDK3001: <c>CachePolicy.CACHING_DISABLED</c> becomes <c>CachePolicy.CACHING_OPTIMIZED</c>, the policy CDK applies
    /// when none is set. Custom policies get no fix: what their TTLs and cache key should be is the team's trade-off.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CloudFrontCachingDisabledFixer)), Shared]
    public sealed class CloudFrontCachingDisabledFixer : CodeFixProvider
    {
        public const string EquivalenceKey = "CDK3001.CachingOptimized";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.CDK3001.Id);

        public override FixAllProvider GetFixAllProvider() => FixAll.PerFinding;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.Properties.ContainsKey(CloudFrontCachingDisabledAnalyzer.DisabledKey))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Cache the static content (CachePolicy.CACHING_OPTIMIZED)", ct => ApplyAsync(context.Document, diagnostic, ct), EquivalenceKey),
                        diagnostic);
                }
            }

            return Task.CompletedTask;
        }

        private static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var node = editor.OriginalRoot.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            PropsEditing.ReplaceEnumMember(editor, node is ArgumentSyntax a ? a.Expression : node, "Amazon.CDK.AWS.CloudFront.CachePolicy", "CACHING_DISABLED", "CACHING_OPTIMIZED");
            return editor.GetChangedDocument();
        }
    }
}
