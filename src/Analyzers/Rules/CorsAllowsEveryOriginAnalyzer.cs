using System.Collections.Immutable;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK2004. A CORS policy that allows every origin lets any web page call the API (or read the bucket) with the
    /// visitor's browser. Origins are read wherever CDK takes them: API Gateway REST <c>CorsOptions</c>, HTTP API
    /// <c>CorsPreflightOptions</c> (versions that ship the stable HTTP API), S3 <c>CorsRule</c>, Lambda function URL
    /// <c>FunctionUrlCorsOptions</c>. Reported on the value: <c>Cors.ALL_ORIGINS</c> or a list containing <c>"*"</c>.
    /// </summary>
    public sealed class CorsAllowsEveryOriginAnalyzer : CdkAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK2004);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            var cors = symbols.Type("Amazon.CDK.AWS.APIGateway.Cors");
            var table = new PropTable<string>(symbols, new[]
            {
                ("Amazon.CDK.AWS.APIGateway.ICorsOptions", "AllowOrigins", "API Gateway CORS"),
                ("Amazon.CDK.AWS.Apigatewayv2.ICorsPreflightOptions", "AllowOrigins", "HTTP API CORS"),
                ("Amazon.CDK.AWS.S3.ICorsRule", "AllowedOrigins", "S3 CORS rule"),
                ("Amazon.CDK.AWS.Lambda.IFunctionUrlCorsOptions", "AllowedOrigins", "Function URL CORS"),
            });
            RegisterPropAssignmentAction(context, table, (ctx, assignment, where) =>
            {
                if (AllowsEveryOrigin(assignment.Value, cors))
                {
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK2004, assignment.Value.Syntax.GetLocation(), where));
                }
            });
        }

        /// <summary><c>Cors.ALL_ORIGINS</c>, or an array literal with a constant <c>"*"</c> element.</summary>
        internal static bool AllowsEveryOrigin(IOperation value, INamedTypeSymbol? cors)
        {
            var unwrapped = ConstructCreation.Unwrap(value);
            if (OperationTree.IsStaticMember(unwrapped, cors, "ALL_ORIGINS"))
            {
                return true;
            }

            foreach (var element in Collections.Elements(unwrapped))
            {
                if (Constant.TryGetString(element, out var origin) && origin == "*")
                {
                    return true;
                }
            }

            return false;
        }
    }
}
