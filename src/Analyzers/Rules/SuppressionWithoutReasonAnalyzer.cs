using System.Collections.Generic;
using System.Collections.Immutable;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK9001. A suppressed CdkLint finding is an accepted risk; without its reason the next reader cannot tell a
    /// reviewed exception from a silenced warning (cdk-nag requires a reason for every suppression for the same cause).
    /// Flags <c>#pragma warning disable CDKnnnn</c> with no comment on that line, and
    /// <c>[SuppressMessage("CdkLint…", "CDKnnnn…")]</c> without a <c>Justification</c>.
    /// </summary>
    public sealed class SuppressionWithoutReasonAnalyzer : CdkAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK9001);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
            => context.RegisterSyntaxTreeAction(ctx =>
            {
                var root = ctx.Tree.GetRoot(ctx.CancellationToken);

                // Directives are found through the tree's directive flags, without reading every token's trivia.
                for (var directive = root.ContainsDirectives ? root.GetFirstDirective() : null; directive is not null; directive = directive.GetNextDirective())
                {
                    if (directive is PragmaWarningDirectiveTriviaSyntax { DisableOrRestoreKeyword.RawKind: (int)SyntaxKind.DisableKeyword } pragma
                        && CdkIds(pragma) is { Count: > 0 } ids
                        && !HasComment(pragma))
                    {
                        ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK9001, pragma.GetLocation(), "#pragma warning disable " + string.Join(", ", ids), "a comment on the same line"));
                    }
                }

                // Attributes sit on declarations: method bodies, initializers and other expressions are not entered.
                foreach (var attribute in root.DescendantNodes(n => n is not (BlockSyntax or ExpressionSyntax or ArrowExpressionClauseSyntax or EqualsValueClauseSyntax)))
                {
                    if (attribute is AttributeSyntax { ArgumentList: { } arguments } syntax && IsSuppressMessage(syntax.Name)
                        && SuppressesCdkLint(arguments) is { } id && !HasJustification(arguments))
                    {
                        ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK9001, syntax.GetLocation(), "[SuppressMessage] of " + id, "a Justification"));
                    }
                }
            });

        private static List<string> CdkIds(PragmaWarningDirectiveTriviaSyntax pragma)
        {
            var ids = new List<string>();
            foreach (var code in pragma.ErrorCodes)
            {
                // CDK9001 itself is left out: turning the reason check off is not a finding's suppression.
                if (code is IdentifierNameSyntax { Identifier.ValueText: var text } && text.StartsWith("CDK", System.StringComparison.OrdinalIgnoreCase)
                    && !string.Equals(text, Descriptors.CDK9001.Id, System.StringComparison.OrdinalIgnoreCase))
                {
                    ids.Add(text);
                }
            }

            return ids;
        }

        /// <summary>A `// reason` (or `/* reason */`) anywhere on the directive's line.</summary>
        private static bool HasComment(PragmaWarningDirectiveTriviaSyntax pragma)
        {
            foreach (var trivia in pragma.DescendantTrivia())
            {
                if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) && trivia.ToString().TrimStart('/').Trim().Length > 0
                    || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia) && trivia.ToString().Trim('/', '*', ' ').Length > 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsSuppressMessage(NameSyntax name)
        {
            var simple = name switch
            {
                QualifiedNameSyntax q => q.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
                SimpleNameSyntax s => s.Identifier.ValueText,
                _ => string.Empty,
            };
            return simple is "SuppressMessage" or "SuppressMessageAttribute";
        }

        /// <summary>The CDK rule a `[SuppressMessage(category, checkId)]` names, when it is CdkLint's.</summary>
        private static string? SuppressesCdkLint(AttributeArgumentListSyntax arguments)
        {
            if (arguments.Arguments.Count < 2
                || arguments.Arguments[0].Expression is not LiteralExpressionSyntax category
                || arguments.Arguments[1].Expression is not LiteralExpressionSyntax checkId)
            {
                return null;
            }

            var id = checkId.Token.ValueText;
            var colon = id.IndexOf(':');
            id = colon > 0 ? id.Substring(0, colon) : id;
            return category.Token.ValueText.StartsWith("CdkLint", System.StringComparison.Ordinal) || id.StartsWith("CDK", System.StringComparison.Ordinal) ? id : null;
        }

        private static bool HasJustification(AttributeArgumentListSyntax arguments)
        {
            foreach (var argument in arguments.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == "Justification")
                {
                    return argument.Expression is not LiteralExpressionSyntax literal || literal.Token.ValueText.Trim().Length > 0;
                }
            }

            return false;
        }
    }
}
