using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace CdkLint.CodeFixes.Editing
{
    /// <summary>Edits to props objects that keep the user's layout: remove a `Name = value`, replace an enum member.</summary>
    internal static class PropsEditing
    {
        /// <summary>
        /// Removes the assignment `X = v` from an object initializer or the statement `props.X = v;`, taking its
        /// separator and line with it.
        /// </summary>
        public static void RemoveAssignment(DocumentEditor editor, AssignmentExpressionSyntax assignment)
        {
            switch (assignment.Parent)
            {
                case InitializerExpressionSyntax initializer:
                    var index = initializer.Expressions.IndexOf(assignment);
                    editor.ReplaceNode(initializer, (current, _) => RemoveElement((InitializerExpressionSyntax)current, index));
                    break;
                case ExpressionStatementSyntax statement:
                    editor.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia);
                    break;
            }
        }

        private static SyntaxNode RemoveElement(InitializerExpressionSyntax initializer, int index)
        {
            var list = initializer.Expressions;
            if (index < 0 || index >= list.Count)
            {
                return initializer;
            }

            var items = new System.Collections.Generic.List<SyntaxNodeOrToken>(list.GetWithSeparators());
            if (index < list.SeparatorCount)
            {
                // `A = 1,⏎ B = 2,⏎` → drop the element and the comma (with its line break) that follows it.
                items.RemoveRange(2 * index, 2);
            }
            else if (index > 0)
            {
                // The last element without a trailing comma: drop the comma before it, keep the element's line break.
                var element = items[2 * index];
                var previous = items[(2 * index) - 2];
                items.RemoveRange((2 * index) - 1, 2);
                items[(2 * index) - 2] = previous.WithTrailingTrivia(previous.GetTrailingTrivia().AddRange(element.GetTrailingTrivia()));
            }
            else
            {
                items.RemoveAt(0);
            }

            return initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(items));
        }

        /// <summary>`X.OLD` becomes `X.NEW` (keeping the user's qualification); any other expression becomes the qualified member.</summary>
        public static void ReplaceEnumMember(DocumentEditor editor, SyntaxNode value, string qualifiedType, string oldMember, string member)
        {
            // Only `RemovalPolicy.DESTROY` itself is renamed in place; `Defaults.Policy` (a const) is replaced whole.
            if (value is MemberAccessExpressionSyntax access && access.Name.Identifier.ValueText == oldMember)
            {
                editor.ReplaceNode(access.Name, SyntaxFactory.IdentifierName(member).WithTriviaFrom(access.Name));
                return;
            }

            editor.ReplaceNode(value, QualifiedName(qualifiedType + "." + member).WithTriviaFrom(value));
        }

        /// <summary>
        /// Parses C# written with `global::`-qualified names and marks every name for simplification, so the result reads
        /// like the user's code where their usings allow and stays unambiguous where they do not.
        /// </summary>
        public static ExpressionSyntax ParseQualified(string code)
        {
            var expression = SyntaxFactory.ParseExpression(code);
            return expression.ReplaceNodes(
                System.Linq.Enumerable.Where(expression.DescendantNodesAndSelf(), n => n is QualifiedNameSyntax or AliasQualifiedNameSyntax or MemberAccessExpressionSyntax),
                (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation));
        }

        /// <summary>A fully qualified type marked for simplification.</summary>
        public static TypeSyntax QualifiedType(string dottedName)
            => SyntaxFactory.ParseTypeName("global::" + dottedName).WithAdditionalAnnotations(Simplifier.Annotation);

        /// <summary>
        /// Parses code written with `global::` names and marks each such name for simplification (the simplifier
        /// reduces annotated names, not names nested in an annotated larger expression).
        /// </summary>
        public static ExpressionSyntax QualifiedExpression(string code)
        {
            var expression = SyntaxFactory.ParseExpression(code);
            var names = new System.Collections.Generic.List<SyntaxNode>();
            foreach (var alias in expression.DescendantNodesAndSelf().OfType<AliasQualifiedNameSyntax>())
            {
                SyntaxNode top = alias;
                while (top.Parent is QualifiedNameSyntax or MemberAccessExpressionSyntax && top.Parent.ChildNodes().First() == top)
                {
                    top = top.Parent;
                }

                names.Add(top);
            }

            return expression.ReplaceNodes(names, (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation));
        }

        /// <summary>A fully qualified expression marked for simplification (CDK namespaces collide: `Function`, `Action`).</summary>
        public static ExpressionSyntax QualifiedName(string dottedName)
            => SyntaxFactory.ParseExpression("global::" + dottedName).WithAdditionalAnnotations(Simplifier.Annotation);
    }
}
