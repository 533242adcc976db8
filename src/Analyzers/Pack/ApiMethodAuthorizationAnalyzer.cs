using System.Collections.Immutable;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDKN_APIG4 and CDKN_COG4 (the AwsSolutions pack, off by default). A REST API method's authorization is the first
    /// <c>Authorizer</c> or <c>AuthorizationType</c> found in its own options, then in the <c>DefaultMethodOptions</c> of
    /// the resources above it (nearest first), then in its API's; with none, CDK writes <c>AuthorizationType: NONE</c>.
    /// APIG4 reports a method without authorization, COG4 one whose authorizer is not a Cognito user pool authorizer.
    /// A <c>LambdaRestApi</c> with <c>Proxy</c> (CDK's default) adds its two <c>ANY</c> methods itself: they are judged at
    /// the API. <c>OPTIONS</c> methods (CORS preflight) are not reported. An HTTP API route (<c>AddRoutes</c>) without an
    /// authorizer, here or as its API's <c>DefaultAuthorizer</c>, is reported by APIG4. A chain CdkLint cannot follow
    /// back to its API (a parameter, a lookup) stays quiet.
    /// </summary>
    public sealed class ApiMethodAuthorizationAnalyzer : CdkAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.Pack("APIG4"), Descriptors.Pack("COG4"));

        private enum Auth
        {
            /// <summary>Cannot be read here (props from a parameter, a lookup, a runtime condition).</summary>
            Unknown,

            /// <summary>Read, and sets no authorization: the level above decides.</summary>
            Undecided,
            None,
            Cognito,
            Other,
        }

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            var resource = symbols.Type("Amazon.CDK.AWS.APIGateway.IResource");
            var restApi = symbols.Type("Amazon.CDK.AWS.APIGateway.RestApiBase");
            var lambdaRestApi = symbols.Type("Amazon.CDK.AWS.APIGateway.LambdaRestApi");
            var cognito = symbols.Type("Amazon.CDK.AWS.APIGateway.CognitoUserPoolsAuthorizer");
            var authorizationType = symbols.Type("Amazon.CDK.AWS.APIGateway.AuthorizationType");
            var httpApi = symbols.Type("Amazon.CDK.AWS.Apigatewayv2.HttpApi");
            var noneAuthorizer = symbols.Type("Amazon.CDK.AWS.Apigatewayv2.HttpNoneAuthorizer");
            if (resource is null || restApi is null)
            {
                return;
            }

            var facts = new Facts(symbols, restApi, cognito, authorizationType);
            context.RegisterOperationAction(
                ctx =>
                {
                    var call = (IInvocationOperation)ctx.Operation;
                    switch (call.TargetMethod.Name)
                    {
                        case "AddMethod" when call.Instance is not null && CdkSymbols.IsOrInheritsOrImplements(call.TargetMethod.ContainingType, resource):
                            if (Argument(call, "httpMethod") is not { } verb || !Constant.TryGetString(verb, out var method) || method.Equals("OPTIONS", System.StringComparison.OrdinalIgnoreCase))
                            {
                                return;
                            }

                            var auth = Of(facts, Argument(call, "options"), ctx.CancellationToken);
                            if (auth == Auth.Undecided)
                            {
                                auth = Defaults(facts, call.Instance, ctx.CancellationToken);
                            }

                            Report(ctx, auth, call.Syntax.GetLocation(), "Method " + method.ToUpperInvariant());
                            break;
                        case "AddRoutes" when httpApi is not null && call.Instance is not null && CdkSymbols.InheritsFrom(call.TargetMethod.ContainingType, httpApi) && call.Arguments.Length == 1:
                            var options = PropsReader.Read(call.Arguments[0].Value, ctx.CancellationToken);
                            if (!options.IsComplete)
                            {
                                return;
                            }

                            var authorizer = options.ValueOf("Authorizer");
                            if (authorizer is null)
                            {
                                authorizer = HttpApiDefault(symbols, httpApi, call.Instance, ctx.CancellationToken, out var known);
                                if (!known)
                                {
                                    return;
                                }
                            }

                            var isNone = authorizer is null || ConstructRelations.Resolve(authorizer, ctx.CancellationToken) is IObjectCreationOperation { Type: var t } && noneAuthorizer is not null && SymbolEqualityComparer.Default.Equals(t, noneAuthorizer);
                            if (isNone)
                            {
                                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.Pack("APIG4"), call.Syntax.GetLocation(), "This route", "has no authorizer, here or as its API's DefaultAuthorizer"));
                            }

                            break;
                    }
                },
                OperationKind.Invocation);

            if (lambdaRestApi is not null)
            {
                context.RegisterConstructCreationAction((ctx, creation) =>
                {
                    if (!CdkSymbols.InheritsFrom(creation.Type, lambdaRestApi))
                    {
                        return;
                    }

                    var props = PropsReader.Read(creation, ctx.CancellationToken);
                    if (!props.IsComplete || props.ValueOf("Proxy") is { } proxy && !(Constant.TryGetBool(proxy, out var on) && on))
                    {
                        return; // no proxy methods, or not known here
                    }

                    var auth = Of(facts, props.ValueOf("DefaultMethodOptions"), ctx.CancellationToken);
                    Report(ctx, auth == Auth.Undecided ? Auth.None : auth, creation.Location, creation.DisplayName + " (its proxy methods)");
                });
            }
        }

        private static void Report(OperationAnalysisContext ctx, Auth auth, Location location, string what)
        {
            if (auth == Auth.None)
            {
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.Pack("APIG4"), location, what, "has no authorization: no Authorizer or AuthorizationType in its options or the defaults above them"));
            }

            if (auth is Auth.None or Auth.Other)
            {
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.Pack("COG4"), location, what, "does not use a Cognito user pool authorizer"));
            }
        }

        /// <summary>The authorization one options object decides (MethodOptions): Undecided when it is absent or sets none, Unknown when it cannot be read.</summary>
        private static Auth Of(Facts facts, IOperation? options, System.Threading.CancellationToken cancellationToken)
        {
            if (options is null || ConstructCreation.Unwrap(options) is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } })
            {
                return Auth.Undecided;
            }

            var view = PropsReader.Read(options, cancellationToken);
            if (view.TryGet("Authorizer", out var authorizer))
            {
                if (ConstructRelations.Resolve(authorizer.Value, cancellationToken) is IObjectCreationOperation { Type: { } type })
                {
                    return facts.Cognito is not null && CdkSymbols.InheritsFrom(type, facts.Cognito) ? Auth.Cognito : Auth.Other;
                }

                return Auth.Unknown; // an authorizer made elsewhere: authorized, of a kind COG4 cannot tell
            }

            if (view.TryGet("AuthorizationType", out var kind))
            {
                if (Constant.IsEnumMember(kind.Value, facts.AuthorizationType, "NONE"))
                {
                    return Auth.None;
                }

                if (Constant.IsEnumMember(kind.Value, facts.AuthorizationType, "COGNITO"))
                {
                    return Auth.Cognito;
                }

                return Constant.ValueName(kind.Value) is null ? Auth.Unknown : Auth.Other;
            }

            return view.IsComplete ? Auth.Undecided : Auth.Unknown;
        }

        /// <summary>
        /// The authorization a method inherits: the resource chain's <c>DefaultMethodOptions</c> (nearest first), then the
        /// API's; None when the chain reaches an API created here that sets none; Unknown when the chain breaks.
        /// </summary>
        private static Auth Defaults(Facts facts, IOperation? receiver, System.Threading.CancellationToken cancellationToken)
        {
            var current = receiver;
            for (var depth = 0; depth < 16 && current is not null; depth++)
            {
                var value = ConstructCreation.Unwrap(current);
                switch (value)
                {
                    case IInvocationOperation { TargetMethod.Name: "AddResource" or "AddProxy" or "ResourceForPath" } step:
                        var own = Argument(step, "options") is { } stepOptions ? DefaultsOf(facts, stepOptions, cancellationToken) : Auth.Undecided;
                        if (own != Auth.Undecided)
                        {
                            return own;
                        }

                        current = step.Instance;
                        break;
                    case IPropertyReferenceOperation { Property.Name: "Root" } root:
                        current = root.Instance;
                        break;
                    case IObjectCreationOperation:
                        if (!ConstructCreation.TryGet(value, facts.Symbols, out var creation) || !CdkSymbols.InheritsFrom(creation.Type, facts.RestApi))
                        {
                            return Auth.Unknown;
                        }

                        var props = PropsReader.Read(creation, cancellationToken);
                        if (!props.IsComplete)
                        {
                            return Auth.Unknown;
                        }

                        var api = Of(facts, props.ValueOf("DefaultMethodOptions"), cancellationToken);
                        return api == Auth.Undecided ? Auth.None : api;
                    default:
                        var resolved = ConstructRelations.Resolve(value, cancellationToken);
                        if (resolved is null || resolved == value)
                        {
                            return Auth.Unknown;
                        }

                        current = resolved;
                        break;
                }
            }

            return Auth.Unknown;
        }

        /// <summary>What the DefaultMethodOptions of an AddResource/AddProxy options object decide.</summary>
        private static Auth DefaultsOf(Facts facts, IOperation options, System.Threading.CancellationToken cancellationToken)
        {
            if (ConstructCreation.Unwrap(options) is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } })
            {
                return Auth.Undecided;
            }

            var view = PropsReader.Read(options, cancellationToken);
            return view.TryGet("DefaultMethodOptions", out var defaults) ? Of(facts, defaults.Value, cancellationToken)
                : view.IsComplete ? Auth.Undecided : Auth.Unknown;
        }

        private static IOperation? HttpApiDefault(CdkSymbols symbols, INamedTypeSymbol httpApi, IOperation receiver, System.Threading.CancellationToken cancellationToken, out bool known)
        {
            known = false;
            var resolved = ConstructRelations.Resolve(receiver, cancellationToken);
            if (resolved is null || !ConstructCreation.TryGet(resolved, symbols, out var creation) || !CdkSymbols.InheritsFrom(creation.Type, httpApi))
            {
                return null;
            }

            var props = PropsReader.Read(creation, cancellationToken);
            known = props.IsComplete;
            return props.ValueOf("DefaultAuthorizer");
        }

        private static IOperation? Argument(IInvocationOperation call, string parameter)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Name == parameter && argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        private sealed class Facts
        {
            public Facts(CdkSymbols symbols, INamedTypeSymbol restApi, INamedTypeSymbol? cognito, INamedTypeSymbol? authorizationType)
            {
                Symbols = symbols;
                RestApi = restApi;
                Cognito = cognito;
                AuthorizationType = authorizationType;
            }

            public CdkSymbols Symbols { get; }

            public INamedTypeSymbol RestApi { get; }

            public INamedTypeSymbol? Cognito { get; }

            public INamedTypeSymbol? AuthorizationType { get; }
        }
    }
}
