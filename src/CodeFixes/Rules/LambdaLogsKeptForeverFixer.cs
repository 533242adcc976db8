using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using CdkLint.Cdk;
using CdkLint.CodeFixes.Editing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.CodeFixes.Rules
{
    /// <summary>
    /// CDK4002: on CDK versions whose function props have <c>LogGroup</c>, create a <c>LogGroup</c> with a retention in the
    /// function's scope, with an id built from the function's id (<c>id + "Logs"</c>), and pass it; on older versions,
    /// <c>LogRetention</c>. A props object held in a local gets <c>local.LogGroup = …;</c> just before the function is
    /// created, so functions that share one props object each get their own log group.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LambdaLogsKeptForeverFixer)), Shared]
    public sealed class LambdaLogsKeptForeverFixer : MissingSettingFixer
    {
        internal const string RetentionOption = "retention_days";
        private const string DefaultRetention = "ONE_MONTH";

        /// <summary>CloudWatch Logs retention periods in days, as CDK's RetentionDays members name them.</summary>
        private static readonly Dictionary<int, string> RetentionByDays = new()
        {
            [1] = "ONE_DAY", [3] = "THREE_DAYS", [5] = "FIVE_DAYS", [7] = "ONE_WEEK", [14] = "TWO_WEEKS", [30] = "ONE_MONTH",
            [60] = "TWO_MONTHS", [90] = "THREE_MONTHS", [120] = "FOUR_MONTHS", [150] = "FIVE_MONTHS", [180] = "SIX_MONTHS",
            [365] = "ONE_YEAR", [400] = "THIRTEEN_MONTHS", [545] = "EIGHTEEN_MONTHS", [731] = "TWO_YEARS", [1096] = "THREE_YEARS",
            [1827] = "FIVE_YEARS", [2192] = "SIX_YEARS", [2557] = "SEVEN_YEARS", [2922] = "EIGHT_YEARS", [3288] = "NINE_YEARS",
            [3653] = "TEN_YEARS",
        };

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.LambdaLogsKeptForever);

        internal override string EquivalenceKey => "CDK4002.Retention";

        internal override string Title(Diagnostic diagnostic) => "Keep the function's logs for a limited time (log group with a retention)";

        internal override IReadOnlyList<(string Name, ExpressionSyntax Value)>? Settings(FixContext context, ConstructCreation creation, Diagnostic diagnostic)
            => Retention(context) is { } retention ? new[] { ("LogRetention", retention) } : null;

        internal override bool TryFixCreation(FixContext context, DocumentEditor editor, PropsAdditions additions, ConstructCreation creation, Diagnostic diagnostic)
        {
            var functionOptions = context.Symbols.IFunctionOptions;
            if (functionOptions is null || functionOptions.GetMembers("LogGroup").IsEmpty)
            {
                return base.TryFixCreation(context, editor, additions, creation, diagnostic);
            }

            if (Retention(context) is not { } retention || creation.Argument("scope")?.Syntax is not ExpressionSyntax scope || creation.IdArgument?.Syntax is not ExpressionSyntax id)
            {
                return false;
            }

            var logGroup = PropsEditing.ParseQualified(
                $"new global::Amazon.CDK.AWS.Logs.LogGroup({scope.WithoutTrivia()}, {Ids.Derived(id, "Logs")}, new global::Amazon.CDK.AWS.Logs.LogGroupProps {{ Retention = {retention} }})");

            switch (ConstructCreation.Unwrap(creation.PropsArgument))
            {
                case IObjectCreationOperation:
                    // Props written inline belong to this function alone.
                    return additions.TryAdd(creation, context.Symbols, new[] { ("LogGroup", logGroup) }, context.CancellationToken);
                case ILocalReferenceOperation local when EnclosingStatement(creation.Operation) is { } statement:
                    var assignment = SyntaxFactory.ParseStatement($"{local.Local.Name}.LogGroup = {logGroup};")
                        .WithLeadingTrivia(statement.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)))
                        .WithTrailingTrivia(statement.GetTrailingTrivia().Where(t => t.IsKind(SyntaxKind.EndOfLineTrivia)));
                    editor.InsertBefore(statement, ReplaceValue(assignment, logGroup));
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Re-inserts the annotated expression so that the simplifier shortens its names.</summary>
        private static StatementSyntax ReplaceValue(StatementSyntax statement, ExpressionSyntax value)
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

        /// <summary>`RetentionDays.ONE_MONTH`, or the member named or counted in days by option `cdklint.CDK4002.retention_days`.</summary>
        private static ExpressionSyntax? Retention(FixContext context)
        {
            var member = DefaultRetention;
            if (context.TryGetOption(RuleIds.LambdaLogsKeptForever, RetentionOption, out var option))
            {
                option = option.Trim();
                if (int.TryParse(option, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days))
                {
                    if (!RetentionByDays.TryGetValue(days, out member))
                    {
                        return null; // not a retention CloudWatch Logs offers: no fix rather than a different period
                    }
                }
                else
                {
                    member = option.ToUpperInvariant();
                }
            }

            var retentionDays = context.Symbols.Type("Amazon.CDK.AWS.Logs.RetentionDays");
            return retentionDays is not null && !retentionDays.GetMembers(member).IsEmpty && member != "INFINITE"
                ? PropsEditing.QualifiedName("Amazon.CDK.AWS.Logs.RetentionDays." + member)
                : null;
        }
    }
}
