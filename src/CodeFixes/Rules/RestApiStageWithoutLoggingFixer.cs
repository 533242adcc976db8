using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
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
    /// CDK4003: add (or extend) <c>DeployOptions</c> with an access-log group, JSON access-log format, INFO execution
    /// logging with metrics, and X-Ray tracing — only the settings that are missing, keeping those already there.
    /// API Gateway refuses a stage with execution logging while the account has no CloudWatch role; with
    /// <c>@aws-cdk/aws-apigateway:disableCloudWatchRole</c> CDK creates none, so the fix also sets
    /// <c>CloudWatchRole = true</c> — on one API only, since the role is one setting per account and region.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RestApiStageWithoutLoggingFixer)), Shared]
    public sealed class RestApiStageWithoutLoggingFixer : MissingSettingFixer
    {
        internal const string DisableCloudWatchRoleFlag = "@aws-cdk/aws-apigateway:disableCloudWatchRole";
        private const string ApiGateway = "global::Amazon.CDK.AWS.APIGateway.";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.CDK4003.Id);

        internal override string EquivalenceKey => "CDK4003.LogAndTrace";

        internal override string Title(Diagnostic diagnostic) => "Turn on access logs, execution logs and tracing for the stage";

        internal override IReadOnlyList<(string Name, ExpressionSyntax Value)>? Settings(FixContext context, ConstructCreation creation, Diagnostic diagnostic) => null;

        internal override bool TryFixCreation(FixContext context, DocumentEditor editor, PropsAdditions additions, ConstructCreation creation, Diagnostic diagnostic)
        {
            var ct = context.CancellationToken;
            var missing = RestApiStageWithoutLoggingAnalyzer.Missing(creation, ct);
            if (missing.Count == 0 || creation.IdArgument?.Syntax is not ExpressionSyntax id || creation.Argument("scope")?.Syntax.WithoutTrivia().ToString() is not { } scope)
            {
                return false;
            }

            var props = PropsReader.Read(creation, ct);
            var stage = props.ValueOf("DeployOptions") is { } options ? PropsReader.Read(options, ct) : PropsView.None;
            var stageSettings = new List<(string Name, string Code)>();
            if (missing.Contains(RestApiStageWithoutLoggingAnalyzer.AccessLogs))
            {
                stageSettings.Add(("AccessLogDestination", $"new {ApiGateway}LogGroupLogDestination(new global::Amazon.CDK.AWS.Logs.LogGroup({scope}, {Ids.Derived(id, "AccessLogs")}))"));
                if (!stage.TryGet("AccessLogFormat", out _))
                {
                    stageSettings.Add(("AccessLogFormat", $"{ApiGateway}AccessLogFormat.JsonWithStandardFields()"));
                }
            }

            if (missing.Contains(RestApiStageWithoutLoggingAnalyzer.ExecutionLogging))
            {
                stageSettings.Add(("LoggingLevel", $"{ApiGateway}MethodLoggingLevel.INFO"));
                if (!stage.TryGet("MetricsEnabled", out _))
                {
                    stageSettings.Add(("MetricsEnabled", "true"));
                }
            }

            if (missing.Contains(RestApiStageWithoutLoggingAnalyzer.Tracing))
            {
                stageSettings.Add(("TracingEnabled", "true"));
            }

            var topSettings = new List<(string Name, ExpressionSyntax Value)>();
            if (props.ValueOf("DeployOptions") is { } deployOptions)
            {
                if (!additions.TryAdd(deployOptions, "Amazon.CDK.AWS.APIGateway.StageOptions", stageSettings.Select(s => (s.Name, PropsEditing.ParseQualified(s.Code))).ToList(), ct))
                {
                    return false;
                }
            }
            else
            {
                var body = string.Join(", ", stageSettings.Select(s => s.Name + " = " + s.Code));
                topSettings.Add(("DeployOptions", PropsEditing.ParseQualified($"new {ApiGateway}StageOptions {{ {body} }}")));
            }

            if (missing.Contains(RestApiStageWithoutLoggingAnalyzer.ExecutionLogging) && !props.TryGet("CloudWatchRole", out _) && NeedsAccountRole(context, creation))
            {
                topSettings.Add(("CloudWatchRole", SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression)));
            }

            return topSettings.Count == 0 || additions.TryAdd(creation, context.Symbols, topSettings, ct);
        }

        /// <summary>
        /// True when this API should create the account's CloudWatch role: the flag turns CDK's role off, the team has
        /// not said the account already has one, no API in the project sets <c>CloudWatchRole = true</c>, and this is the
        /// first API (by file, then position) whose stage the fix turns logging on for. One API per app gets it, so
        /// several APIs never overwrite each other's account setting.
        /// </summary>
        private static bool NeedsAccountRole(FixContext context, ConstructCreation creation)
        {
            if (!context.CdkJson.IsFlagOn(DisableCloudWatchRoleFlag)
                || context.TryGetOption(Descriptors.CDK4003.Id, OptionKeys.AccountRoleConfigured, out var configured) && configured.Trim().ToLowerInvariant() == "true")
            {
                return false;
            }

            var first = FirstApiNeedingLogging(context);
            return first is { } f && f.Path == context.Document.FilePath && f.Position == creation.Operation.Syntax.SpanStart;
        }

        private static (string? Path, int Position)? FirstApiNeedingLogging(FixContext context)
        {
            var ct = context.CancellationToken;
            var restApiBase = context.Symbols.Type("Amazon.CDK.AWS.APIGateway.RestApiBase");
            foreach (var document in context.Document.Project.Documents.OrderBy(d => d.FilePath ?? d.Name, System.StringComparer.Ordinal))
            {
                if (!document.TryGetSyntaxRoot(out var root))
                {
                    root = document.GetSyntaxRootAsync(ct).GetAwaiter().GetResult();
                }

                if (root is null)
                {
                    continue;
                }

                if (root.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(IsCloudWatchRoleOn))
                {
                    return null; // the project already creates the role
                }
            }

            foreach (var document in context.Document.Project.Documents.OrderBy(d => d.FilePath ?? d.Name, System.StringComparer.Ordinal))
            {
                var root = document.GetSyntaxRootAsync(ct).GetAwaiter().GetResult();
                if (root is null || !root.DescendantTokens().Any(t => t.ValueText.Contains("Api")))
                {
                    continue;
                }

                var model = document == context.Document ? context.Model : document.GetSemanticModelAsync(ct).GetAwaiter().GetResult();
                foreach (var node in root.DescendantNodes().Where(n => n is BaseObjectCreationExpressionSyntax or ConstructorInitializerSyntax))
                {
                    if (model is not null && ConstructCreation.TryFind(model, node, context.Symbols, ct, out var api)
                        && CdkSymbols.InheritsFrom(api.Type, restApiBase)
                        && RestApiStageWithoutLoggingAnalyzer.Missing(api, ct).Contains(RestApiStageWithoutLoggingAnalyzer.ExecutionLogging))
                    {
                        return (document.FilePath, node.SpanStart);
                    }
                }
            }

            return null;
        }

        private static bool IsCloudWatchRoleOn(AssignmentExpressionSyntax assignment)
        {
            var name = assignment.Left switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                _ => null,
            };
            return name == "CloudWatchRole" && assignment.Right.IsKind(SyntaxKind.TrueLiteralExpression);
        }
    }
}
