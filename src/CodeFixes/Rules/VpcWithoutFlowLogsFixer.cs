using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using CdkLint.Cdk;
using CdkLint.CodeFixes.Editing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CdkLint.CodeFixes.Rules
{
    /// <summary>
    /// CDK4008: one flow log of all traffic to CloudWatch Logs, CDK's defaults for <c>FlowLogOptions</c> (CDK creates the
    /// log group and the role that writes to it). Nothing in the VPC is replaced.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(VpcWithoutFlowLogsFixer)), Shared]
    public sealed class VpcWithoutFlowLogsFixer : MissingSettingFixer
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.CDK4008.Id);

        internal override string EquivalenceKey => "CDK4008.FlowLog";

        internal override string Title(Diagnostic diagnostic) => "Add a flow log of all traffic to CloudWatch Logs (adds a log group and a role)";

        internal override IReadOnlyList<(string Name, ExpressionSyntax Value)>? Settings(FixContext context, ConstructCreation creation, Diagnostic diagnostic)
            => new[]
            {
                ("FlowLogs", PropsEditing.ParseQualified(
                    "new global::System.Collections.Generic.Dictionary<string, global::Amazon.CDK.AWS.EC2.IFlowLogOptions> { [\"FlowLog\"] = new global::Amazon.CDK.AWS.EC2.FlowLogOptions() }")),
            };
    }
}
