using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CdkLint.CodeFixes.Editing
{
    /// <summary>
    /// Construct ids for constructs a fix creates. The id is built from the id expression of the construct it serves, so
    /// a helper that creates several constructs from a parameter (`id + "Logs"`) still gives each a unique id.
    /// </summary>
    internal static class Ids
    {
        /// <summary>`"Api"` → `"ApiLogs"`; `id` → `id + "Logs"`; `a + b` → `(a + b) + "Logs"`.</summary>
        public static string Derived(ExpressionSyntax id, string suffix)
        {
            if (id is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                return SyntaxFactory.Literal(literal.Token.ValueText + suffix).Text;
            }

            var text = id.WithoutTrivia().ToString();
            var quoted = SyntaxFactory.Literal(suffix).Text;
            return id is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or InterpolatedStringExpressionSyntax
                ? text + " + " + quoted
                : "(" + text + ") + " + quoted;
        }
    }
}
