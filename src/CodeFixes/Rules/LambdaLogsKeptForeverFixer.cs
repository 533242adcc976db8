using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
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
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.CDK4002.Id);

        internal override string EquivalenceKey => "CDK4002.Retention";

        internal override string Title(Diagnostic diagnostic) => "Keep the function's logs for a limited time (log group with a retention)";

        internal override IReadOnlyList<(string Name, ExpressionSyntax Value)>? Settings(FixContext context, ConstructCreation creation, Diagnostic diagnostic)
            => LogRetention.Choose(context) is { } retention ? new[] { ("LogRetention", retention) } : null;

        internal override bool TryFixCreation(FixContext context, DocumentEditor editor, PropsAdditions additions, ConstructCreation creation, Diagnostic diagnostic)
        {
            var functionOptions = context.Symbols.IFunctionOptions;
            if (functionOptions is null || functionOptions.GetMembers("LogGroup").IsEmpty)
            {
                return base.TryFixCreation(context, editor, additions, creation, diagnostic);
            }

            if (LogRetention.NewLogGroup(context, creation) is not { } logGroup)
            {
                return false;
            }

            return OwnedSetting.TryAdd(context, editor, additions, creation, "LogGroup", PropsEditing.ParseQualified(logGroup));
        }
    }
}
