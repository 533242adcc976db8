using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using CdkLint.Cdk;
using CdkLint.CodeFixes.Editing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.CodeFixes.Rules
{
    /// <summary>
    /// CDK4006: <c>Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { StreamPrefix = &lt;the container's id&gt;,
    /// LogRetention = &lt;CDK4002's retention&gt; })</c>. CDK creates the log group; the task definition gets a new
    /// revision and the service rolls its tasks onto it. A task image with <c>EnableLogging = false</c> gets no fix: it
    /// was turned off on purpose, and turning it on writes a log group that never expires.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ContainerWithoutLogsFixer)), Shared]
    public sealed class ContainerWithoutLogsFixer : MissingSettingFixer
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.CDK4006.Id);

        internal override string EquivalenceKey => "CDK4006.AwsLogs";

        internal override string Title(Diagnostic diagnostic) => "Send the container's output to CloudWatch Logs (new task definition revision)";

        internal override IReadOnlyList<(string Name, ExpressionSyntax Value)>? Settings(FixContext context, ConstructCreation creation, Diagnostic diagnostic) => null;

        internal override bool TryFixCreation(FixContext context, DocumentEditor editor, PropsAdditions additions, ConstructCreation creation, Diagnostic diagnostic)
            => Logging(context, creation.IdArgument) is { } logging && OwnedSetting.TryAdd(context, editor, additions, creation, "Logging", logging);

        internal override bool TryFixCall(FixContext context, DocumentEditor editor, PropsAdditions additions, IInvocationOperation call, Diagnostic diagnostic)
            => call.Arguments.Length == 2 && Logging(context, call.Arguments[0].Value) is { } logging
               && OwnedSetting.TryAdd(context, editor, additions, call, call.Arguments[1].Value, "Logging", logging);

        private static ExpressionSyntax? Logging(FixContext context, IOperation? id)
            => LogRetention.Choose(context) is { } retention && id?.Syntax is ExpressionSyntax prefix
                ? PropsEditing.ParseQualified($"global::Amazon.CDK.AWS.ECS.LogDrivers.AwsLogs(new global::Amazon.CDK.AWS.ECS.AwsLogDriverProps {{ StreamPrefix = {prefix.WithoutTrivia()}, LogRetention = {retention} }})")
                : null;
    }
}
