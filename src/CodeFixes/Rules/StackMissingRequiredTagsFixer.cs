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
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CdkLint.CodeFixes.Rules
{
    /// <summary>
    /// CDK4001: <c>Amazon.CDK.Tags.Of(this).Add("Key", value);</c> at the end of the stack's constructor for each missing
    /// key whose value the team has given (option <c>cdklint.CDK4001.values</c>) or, for <c>Environment</c>, that an
    /// in-scope environment/stage variable holds. The qualified <c>Amazon.CDK.Tags</c> is needed: inside a Stack,
    /// <c>Tags</c> is the stack's own TagManager property. Keys without a value are left for the team.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StackMissingRequiredTagsFixer)), Shared]
    public sealed class StackMissingRequiredTagsFixer : CodeFixProvider
    {
        public const string EquivalenceKey = "CDK4001.AddTags";
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.CDK4001.Id);

        public override FixAllProvider GetFixAllProvider() => FixAll.PerFinding;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not ClassDeclarationSyntax stack
                    || !diagnostic.Properties.TryGetValue(StackMissingRequiredTagsAnalyzer.MissingProperty, out var missing) || missing is null
                    || stack.Members.OfType<ConstructorDeclarationSyntax>().FirstOrDefault(c => c.Body is not null) is not { Body: { } body })
                {
                    continue;
                }

                var tags = Values(context.Document, model, body, missing.Split(','), context.CancellationToken);
                if (tags.Count == 0)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Tag the stack's resources with {string.Join(", ", tags.Select(t => t.Key))}",
                        ct => AddAsync(context.Document, body, tags, ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> AddAsync(Document document, BlockSyntax body, List<(string Key, string Value)> tags, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var indentation = body.Statements.Count > 0
                ? body.Statements[0].GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).LastOrDefault().ToString()
                : body.CloseBraceToken.LeadingTrivia.LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).ToString() + "    ";
            var endOfLine = body.OpenBraceToken.TrailingTrivia.FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            var eol = endOfLine == default ? SyntaxFactory.EndOfLine("\n") : endOfLine;
            var statements = tags.Select(t => SyntaxFactory.ParseStatement($"Amazon.CDK.Tags.Of(this).Add({SyntaxFactory.Literal(t.Key).Text}, {t.Value});")
                .WithLeadingTrivia(SyntaxFactory.Whitespace(indentation))
                .WithTrailingTrivia(eol));
            return document.WithSyntaxRoot(root.ReplaceNode(body, body.AddStatements(statements.ToArray())));
        }

        /// <summary>The value expression for each missing key that has one: from the option, else (Environment) from scope.</summary>
        private static List<(string Key, string Value)> Values(Document document, SemanticModel model, BlockSyntax body, string[] keys, CancellationToken cancellationToken)
        {
            var configured = new Dictionary<string, string>(System.StringComparer.Ordinal);
            if (Cdk.CdkConfiguration.TryGetOption(document.Project.AnalyzerOptions, model.SyntaxTree, Descriptors.CDK4001.Id, OptionKeys.Values, out var text))
            {
                foreach (var pair in text.Split(','))
                {
                    var equals = pair.IndexOf('=');
                    if (equals > 0)
                    {
                        configured[pair.Substring(0, equals).Trim()] = pair.Substring(equals + 1).Trim();
                    }
                }
            }

            var result = new List<(string, string)>();
            foreach (var key in keys)
            {
                if (configured.TryGetValue(key, out var value) && value.Length > 0)
                {
                    result.Add((key, SyntaxFactory.Literal(value).Text));
                }
                else if (key == "Environment" && InScope.FindEnvironmentName(model, body.OpenBraceToken.Span.End, InScope.EnvironmentFirst, cancellationToken) is { } variable)
                {
                    result.Add((key, variable));
                }
            }

            return result;
        }
    }
}
