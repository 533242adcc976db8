using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using CdkLint.Cdk;
using CdkLint.CodeFixes.Editing;
using CdkLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace CdkLint.CodeFixes.Rules
{
    /// <summary>
    /// CDK4005: what is missing of <c>Logs = new LogOptions { Destination = new LogGroup(scope, id + "Logs", …), Level =
    /// LogLevel.ALL }</c> (the log group with the retention CDK4002's fix uses) and <c>TracingEnabled = true</c>. The
    /// state machine is updated in place.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StateMachineWithoutLogsFixer)), Shared]
    public sealed class StateMachineWithoutLogsFixer : MissingSettingFixer
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.CDK4005.Id);

        internal override string EquivalenceKey => "CDK4005.LogAndTrace";

        internal override string Title(Diagnostic diagnostic)
            => diagnostic.Properties.ContainsKey(StateMachineWithoutLogsAnalyzer.MissingLogs)
                ? diagnostic.Properties.ContainsKey(StateMachineWithoutLogsAnalyzer.MissingTracing)
                    ? "Log every execution to a new log group and trace with X-Ray (in place)"
                    : "Log every execution to a new log group (in place)"
                : "Trace executions with X-Ray (in place)";

        internal override IReadOnlyList<(string Name, ExpressionSyntax Value)>? Settings(FixContext context, ConstructCreation creation, Diagnostic diagnostic)
            => new[] { ("TracingEnabled", (ExpressionSyntax)SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression)) };

        internal override bool TryFixCreation(FixContext context, DocumentEditor editor, PropsAdditions additions, ConstructCreation creation, Diagnostic diagnostic)
        {
            if (diagnostic.Properties.ContainsKey(StateMachineWithoutLogsAnalyzer.MissingLogs))
            {
                if (LogRetention.NewLogGroup(context, creation) is not { } logGroup)
                {
                    return false;
                }

                var logs = PropsEditing.ParseQualified(
                    $"new global::Amazon.CDK.AWS.StepFunctions.LogOptions {{ Destination = {logGroup}, Level = global::Amazon.CDK.AWS.StepFunctions.LogLevel.ALL }}");
                if (!OwnedSetting.TryAdd(context, editor, additions, creation, "Logs", logs))
                {
                    return false;
                }
            }

            return !diagnostic.Properties.ContainsKey(StateMachineWithoutLogsAnalyzer.MissingTracing)
                || base.TryFixCreation(context, editor, additions, creation, diagnostic);
        }
    }
}
