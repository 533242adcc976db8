using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CdkLint.CodeFixes.Editing;
using CdkLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CdkLint.CodeFixes.Rules
{
    /// <summary>
    /// CDK5001: writes the missing <c>import</c> lines at the top of the inline Python code, in the literal's own form —
    /// <c>\n</c> escapes in a regular string, real line breaks in a verbatim string, indented lines in a multi-line raw
    /// string; in a concatenation, the first piece. No fix for a handler mismatch: which of the name or the code is wrong
    /// is the author's call.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InlineLambdaCodeBrokenFixer)), Shared]
    public sealed class InlineLambdaCodeBrokenFixer : CodeFixProvider
    {
        public const string EquivalenceKey = "CDK5001.AddImports";
        private const int MaxDepth = 4;

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.CDK5001.Id);

        public override FixAllProvider GetFixAllProvider() => FixAll.PerFinding;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(InlineLambdaCodeBrokenAnalyzer.MissingImportsKey, out var modules) || modules is null
                    || await FindInsertionAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is null)
                {
                    continue;
                }

                var imports = modules.Split(',');
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Import " + string.Join(", ", imports) + " in the inline code",
                        async ct => await ApplyAsync(context.Document, diagnostic, imports, ct).ConfigureAwait(false) ?? context.Document,
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document?> ApplyAsync(Document document, Diagnostic diagnostic, string[] imports, CancellationToken cancellationToken)
        {
            if (await FindInsertionAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } insertion)
            {
                return null;
            }

            var lines = new StringBuilder();
            foreach (var module in imports)
            {
                lines.Append(insertion.Indent).Append("import ").Append(module).Append(insertion.NewLine);
            }

            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            return document.WithText(text.WithChanges(new TextChange(new TextSpan(insertion.Position, 0), lines.ToString())));
        }

        /// <summary>Where the code's text starts in source, and how a line break is written there.</summary>
        private static async Task<Insertion?> FindInsertionAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node || model is null)
            {
                return null;
            }

            return Find(node is ArgumentSyntax a ? a.Expression : node, model, root.SyntaxTree, 0, cancellationToken);
        }

        private static Insertion? Find(SyntaxNode node, SemanticModel model, SyntaxTree tree, int depth, CancellationToken cancellationToken)
        {
            if (depth > MaxDepth)
            {
                return null;
            }

            switch (node)
            {
                case ParenthesizedExpressionSyntax p:
                    return Find(p.Expression, model, tree, depth + 1, cancellationToken);
                case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.AddExpression):
                    return Find(b.Left, model, tree, depth + 1, cancellationToken);
                case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                    // A const or a local assigned once: the code is written at its declaration (in this file).
                    var declaration = model.GetSymbolInfo(node, cancellationToken).Symbol?.DeclaringSyntaxReferences.FirstOrDefault();
                    return declaration?.SyntaxTree == tree && declaration.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value }
                        ? Find(value, model, tree, depth + 1, cancellationToken)
                        : null;
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    return FromDelimiter(literal.Token.Text, literal.Token.SpanStart);
                case InterpolatedStringExpressionSyntax interpolated:
                    return FromDelimiter(interpolated.ToString(), interpolated.SpanStart);
                default:
                    return null;
            }
        }

        /// <summary>
        /// <paramref name="text"/> is the literal as written, starting with its opening delimiter (<c>"</c>, <c>@"</c>,
        /// <c>$"</c>, <c>"""</c>, <c>$$"""</c>, …).
        /// </summary>
        private static Insertion? FromDelimiter(string text, int start)
        {
            var prefix = 0;
            while (prefix < text.Length && text[prefix] is '$' or '@')
            {
                prefix++;
            }

            var quotes = 0;
            while (prefix + quotes < text.Length && text[prefix + quotes] == '"')
            {
                quotes++;
            }

            var verbatim = text.Substring(0, prefix).IndexOf('@') >= 0;
            var newLine = text.Contains("\r\n") ? "\r\n" : "\n";
            if (quotes >= 3)
            {
                // Raw string: only the multi-line form can take new lines; they go after the opening line, indented like
                // the closing quotes (whose indentation the compiler removes from every line).
                var firstBreak = text.IndexOf('\n', prefix + quotes);
                if (firstBreak < 0 || text.Substring(prefix + quotes, firstBreak - prefix - quotes).Trim().Length > 0)
                {
                    return null;
                }

                var lastBreak = text.LastIndexOf('\n');
                var indent = text.Substring(lastBreak + 1, text.Length - lastBreak - 1).TrimEnd('"');
                return new Insertion(start + firstBreak + 1, indent, newLine);
            }

            return quotes == 1 ? new Insertion(start + prefix + 1, string.Empty, verbatim ? newLine : "\\n") : null;
        }

        private sealed class Insertion
        {
            public Insertion(int position, string indent, string newLine)
            {
                Position = position;
                Indent = indent;
                NewLine = newLine;
            }

            public int Position { get; }

            public string Indent { get; }

            public string NewLine { get; }
        }
    }
}
