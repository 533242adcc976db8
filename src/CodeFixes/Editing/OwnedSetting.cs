using System.Linq;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.CodeFixes.Editing
{
    /// <summary>
    /// A setting whose value belongs to one construct alone (a log group created for it, a stream prefix named after it):
    /// written into props built inline for that construct, or, for props held in a local, as <c>local.Name = value;</c>
    /// just before the construct is created, so that constructs sharing one props object each get their own value.
    /// Props from anywhere else (a helper, a parameter) get no fix: the value could not name the construct there.
    /// </summary>
    internal static class OwnedSetting
    {
        public static bool TryAdd(FixContext context, DocumentEditor editor, PropsAdditions additions, ConstructCreation creation, string name, ExpressionSyntax value)
            => TryAdd(context, editor, additions, creation.Operation, creation.PropsArgument, () => additions.TryAdd(creation, context.Symbols, new[] { (name, value) }, context.CancellationToken), name, value);

        /// <summary>The same for an options argument of a call (<c>taskDefinition.AddContainer(id, options)</c>).</summary>
        public static bool TryAdd(FixContext context, DocumentEditor editor, PropsAdditions additions, IOperation call, IOperation? options, string name, ExpressionSyntax value)
            => TryAdd(context, editor, additions, call, options, () => options is not null && additions.TryAdd(options, null, new[] { (name, value) }, context.CancellationToken), name, value);

        private static bool TryAdd(FixContext context, DocumentEditor editor, PropsAdditions additions, IOperation owner, IOperation? props, System.Func<bool> inline, string name, ExpressionSyntax value)
        {
            switch (ConstructCreation.Unwrap(props))
            {
                case null:
                case IObjectCreationOperation:
                    // Props written inline (or none at all) belong to this construct alone.
                    return inline();
                case ILocalReferenceOperation local when EnclosingStatement(owner) is { } statement:
                    var assignment = SyntaxFactory.ParseStatement($"{local.Local.Name}.{name} = PLACEHOLDER;")
                        .WithLeadingTrivia(statement.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)))
                        .WithTrailingTrivia(statement.GetTrailingTrivia().Where(t => t.IsKind(SyntaxKind.EndOfLineTrivia)));
                    editor.InsertBefore(statement, WithValue(assignment, value));
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Puts the annotated expression in place, so that the simplifier shortens its names.</summary>
        private static StatementSyntax WithValue(StatementSyntax statement, ExpressionSyntax value)
            => statement is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment } expressionStatement
                ? expressionStatement.WithExpression(assignment.WithRight(value.WithTriviaFrom(assignment.Right)))
                : statement;

        private static StatementSyntax? EnclosingStatement(IOperation operation)
        {
            for (var current = operation.Syntax; current is not null; current = current.Parent)
            {
                if (current is StatementSyntax statement && statement.Parent is BlockSyntax)
                {
                    return statement;
                }
            }

            return null;
        }
    }
}
