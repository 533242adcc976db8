using System.Collections.Immutable;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDKN_IAM4 (the AwsSolutions pack, off by default): an AWS managed policy on a role, user or group. Where the source
    /// names one — <c>ManagedPolicy.FromAwsManagedPolicyName(…)</c>, or <c>FromManagedPolicyArn</c> with a constant
    /// <c>arn:…:iam::aws:policy/…</c> — the finding sits on that call. Where CDK attaches one by default, it sits on the
    /// construct that causes it, once: a Lambda function without its own <c>Role</c> (CDK's default role carries
    /// AWSLambdaBasicExecutionRole, and AWSLambdaVPCAccessExecutionRole in a VPC), and a REST API whose CloudWatch role
    /// CDK creates (<c>CloudWatchRole</c> true, or unset without the <c>@aws-cdk/aws-apigateway:disableCloudWatchRole</c>
    /// flag in cdk.json), which carries AmazonAPIGatewayPushToCloudWatchLogs.
    /// </summary>
    public sealed class ManagedPolicyAnalyzer : CdkAnalyzer
    {
        internal const string DisableCloudWatchRoleFlag = "@aws-cdk/aws-apigateway:disableCloudWatchRole";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.Pack("IAM4"));

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            var managedPolicy = symbols.Type("Amazon.CDK.AWS.IAM.ManagedPolicy");
            var restApi = symbols.Type("Amazon.CDK.AWS.APIGateway.RestApiBase");
            var cloudWatchRoleByDefault = !CdkConfiguration.GetCdkJson(context.Options, context.CancellationToken).IsFlagOn(DisableCloudWatchRoleFlag);
            if (managedPolicy is not null)
            {
                context.RegisterOperationAction(
                    ctx =>
                    {
                        var call = (IInvocationOperation)ctx.Operation;
                        if (!SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, managedPolicy))
                        {
                            return;
                        }

                        switch (call.TargetMethod.Name)
                        {
                            case "FromAwsManagedPolicyName" when call.Arguments.Length == 1:
                                var name = Constant.TryGetString(call.Arguments[0].Value, out var n) ? n : "named here";
                                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.Pack("IAM4"), call.Syntax.GetLocation(), "This policy", "is the AWS managed policy " + name));
                                break;
                            case "FromManagedPolicyArn" when call.Arguments.Length == 3 && Constant.TryGetString(call.Arguments[2].Value, out var arn) && arn.Contains(":iam::aws:policy/"):
                                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.Pack("IAM4"), call.Syntax.GetLocation(), "This policy", "is the AWS managed policy " + arn.Substring(arn.IndexOf(":policy/", System.StringComparison.Ordinal) + 8)));
                                break;
                        }
                    },
                    OperationKind.Invocation);
            }

            context.RegisterConstructCreationAction((ctx, creation) =>
            {
                if (symbols.IFunctionOptions is not null && creation.PropsAre(symbols.IFunctionOptions))
                {
                    var props = PropsReader.Read(creation, ctx.CancellationToken);
                    if (props.IsComplete && !props.TryGet("Role", out _))
                    {
                        var policies = props.TryGet("Vpc", out _) ? "AWSLambdaBasicExecutionRole and AWSLambdaVPCAccessExecutionRole" : "AWSLambdaBasicExecutionRole";
                        ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.Pack("IAM4"), creation.Location, creation.DisplayName, "has no Role: CDK's default role carries the AWS managed policy " + policies));
                    }

                    return;
                }

                if (restApi is not null && CdkSymbols.InheritsFrom(creation.Type, restApi))
                {
                    var props = PropsReader.Read(creation, ctx.CancellationToken);
                    if (props.TryGet("CloudWatchRole", out var role))
                    {
                        if (Constant.TryGetBool(role.Value, out var on) && on)
                        {
                            ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.Pack("IAM4"), role.Value.Syntax.GetLocation(), creation.DisplayName, "sets CloudWatchRole = true: that role carries the AWS managed policy AmazonAPIGatewayPushToCloudWatchLogs"));
                        }
                    }
                    else if (props.IsComplete && cloudWatchRoleByDefault)
                    {
                        ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.Pack("IAM4"), creation.Location, creation.DisplayName, "gets a CloudWatch role from CDK (no CloudWatchRole = false, and cdk.json does not set " + DisableCloudWatchRoleFlag + "): it carries the AWS managed policy AmazonAPIGatewayPushToCloudWatchLogs"));
                    }
                }
            });
        }
    }
}
