using System.Collections.Immutable;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDKN_APIG2 (the AwsSolutions pack, off by default). cdk-nag asks each REST API for a request validator that
    /// validates both the body and the parameters. The API created here is compliant when one of its uses (in its type,
    /// in the same file) makes one: <c>api.AddRequestValidator(…)</c>, or <c>new RequestValidator(…)</c> with
    /// <c>RestApi = api</c>, with <c>ValidateRequestBody</c> and <c>ValidateRequestParameters</c> both true. A type that
    /// gives some method <c>RequestValidator</c> or <c>RequestValidatorOptions</c> is left alone: which API those
    /// methods belong to is not followed.
    /// </summary>
    public sealed class RestApiRequestValidationAnalyzer : CdkAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.Pack("APIG2"));

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            if (symbols.Type("Amazon.CDK.AWS.APIGateway.RestApiBase") is not { } restApi)
            {
                return;
            }

            context.RegisterConstructCreationAction((ctx, creation) =>
            {
                if (!CdkSymbols.InheritsFrom(creation.Type, restApi) || creation.Operation is not IObjectCreationOperation || !PropsReader.Read(creation, ctx.CancellationToken).IsComplete)
                {
                    return;
                }

                foreach (var use in ConstructRelations.Uses(creation.Operation, ctx.CancellationToken))
                {
                    var parent = use.Parent;
                    while (parent is IConversionOperation)
                    {
                        parent = parent.Parent;
                    }

                    switch (parent)
                    {
                        case IInvocationOperation { TargetMethod.Name: "AddRequestValidator" } add when add.Arguments.Length >= 2:
                            if (ValidatesBoth(PropsReader.Read(add.Arguments[1].Value, ctx.CancellationToken)))
                            {
                                return;
                            }

                            break;
                        case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "RestApi" } } assignment:
                            if (ValidatesBoth(PropsReader.ReadObjectOf(assignment, ctx.CancellationToken)))
                            {
                                return;
                            }

                            break;
                    }
                }

                if (MethodsChooseValidators(creation, ctx.CancellationToken))
                {
                    return;
                }

                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.Pack("APIG2"), creation.Location, creation.DisplayName, "has no request validator that checks both the body and the parameters"));
            });
        }

        private static bool ValidatesBoth(PropsView props)
            => !props.IsComplete
               || Constant.TryGetBool(props.ValueOf("ValidateRequestBody"), out var body) && body
                  && Constant.TryGetBool(props.ValueOf("ValidateRequestParameters"), out var parameters) && parameters;

        /// <summary>True when some method options in the API's type pick a validator (their API is not followed).</summary>
        private static bool MethodsChooseValidators(ConstructCreation creation, System.Threading.CancellationToken cancellationToken)
        {
            var type = creation.Operation.SemanticModel?.GetEnclosingSymbol(creation.Operation.Syntax.SpanStart, cancellationToken)?.ContainingType;
            foreach (var body in ConstructRelations.TypeBodies(type, creation.Operation, cancellationToken))
            {
                foreach (var operation in body.Descendants())
                {
                    if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "RequestValidator" or "RequestValidatorOptions" } })
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
