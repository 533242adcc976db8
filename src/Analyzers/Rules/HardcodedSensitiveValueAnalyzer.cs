using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK2005. A credential or a person's e-mail address written in source ends up in the repository, in the synthesized
    /// template and in the Lambda console, readable by anyone with read access to any of them. Both the key and the
    /// value must look sensitive, so configuration (<c>TOKEN_TTL = "3600"</c>, <c>LOG_LEVEL = "INFO"</c>) and references
    /// (<c>DB_SECRET_ARN</c>, the name of a secret the stack itself creates) stay quiet. No fix: the value needs a home
    /// (a secret, a parameter) that only the team can create.
    /// </summary>
    public sealed class HardcodedSensitiveValueAnalyzer : CdkAnalyzer
    {
        private static readonly Regex SensitiveKey = new("PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex ReferenceKey = new("_(ARN|NAME|ID|PARAM|PARAMETER|TABLE|URL)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex Email = new(@"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$", RegexOptions.CultureInvariant);
        private static readonly Regex NoReply = new(@"^(no-?reply|do-?not-?reply)[@+.]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex AccessKeyId = new(@"\b(AKIA|ASIA)[A-Z0-9]{16}\b", RegexOptions.CultureInvariant);
        private static readonly Regex NotSecret = new(@"^(\d+(\.\d+)?|true|false|\d+\s*(ms|s|m|h|d)|P(T?\d+[HMSD])+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex LowerWord = new(@"^[a-z]+$", RegexOptions.CultureInvariant);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK2005);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            var environment = new PropTable<Kind>(symbols, new[]
            {
                ("Amazon.CDK.AWS.Lambda.IFunctionOptions", "Environment", Kind.Variables),
                ("Amazon.CDK.AWS.ECS.IContainerDefinitionOptions", "Environment", Kind.Variables),
                ("Amazon.CDK.AWS.ECS.Patterns.IApplicationLoadBalancedTaskImageOptions", "Environment", Kind.Variables),
                ("Amazon.CDK.AWS.ECS.Patterns.IApplicationLoadBalancedTaskImageProps", "Environment", Kind.Variables),
                ("Amazon.CDK.AWS.ECS.Patterns.INetworkLoadBalancedTaskImageOptions", "Environment", Kind.Variables),
                ("Amazon.CDK.AWS.ECS.Patterns.INetworkLoadBalancedTaskImageProps", "Environment", Kind.Variables),
                ("Amazon.CDK.AWS.ECS.Patterns.IQueueProcessingServiceBaseProps", "Environment", Kind.Variables),
                ("Amazon.CDK.AWS.ECS.Patterns.IScheduledTaskImageProps", "Environment", Kind.Variables),
                ("Amazon.CDK.AWS.CodeBuild.ICommonProjectProps", "EnvironmentVariables", Kind.BuildVariables),
                ("Amazon.CDK.AWS.CodeBuild.IBuildEnvironment", "EnvironmentVariables", Kind.BuildVariables),
                ("Amazon.CDK.AWS.CodePipeline.Actions.ICodeBuildActionProps", "EnvironmentVariables", Kind.BuildVariables),
                ("Amazon.CDK.AWS.APIGateway.IApiKeyOptions", "Value", Kind.ApiKey),
            });
            var buildVariableType = symbols.Type("Amazon.CDK.AWS.CodeBuild.BuildEnvironmentVariableType");
            RegisterPropAssignmentAction(context, environment, (ctx, assignment, kind) =>
            {
                if (kind == Kind.ApiKey)
                {
                    if (Constant.TryGetString(assignment.Value, out _))
                    {
                        ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK2005, assignment.Value.Syntax.GetLocation(), "The API key value", "a credential"));
                    }

                    return;
                }

                // A dictionary built in a local (or by a helper) and shared by several functions is reported once, at
                // its first use, on the entry's own value.
                if (!IsFirstUse(assignment.Assignment))
                {
                    return;
                }

                HashSet<string>? names = null;
                foreach (var entry in Collections.Entries(assignment.Value, out _, ctx.CancellationToken))
                {
                    var value = kind == Kind.BuildVariables ? PlaintextValue(entry.Value, buildVariableType, ctx.CancellationToken) : entry.Value;
                    if (value is not null)
                    {
                        CheckEntry(ctx, entry.Key, value, ref names);
                    }
                }
            });

            var function = symbols.Type("Amazon.CDK.AWS.Lambda.IFunction");
            var secretValue = symbols.Type("Amazon.CDK.SecretValue");
            var emailSubscription = symbols.Type("Amazon.CDK.AWS.SNS.Subscriptions.EmailSubscription");
            context.RegisterOperationAction(
                ctx =>
                {
                    var call = (IInvocationOperation)ctx.Operation;
                    var method = call.TargetMethod;
                    if (method.Name == "AddEnvironment" && call.Arguments.Length >= 2 && CdkSymbols.Implements(method.ContainingType, function))
                    {
                        HashSet<string>? names = null;
                        CheckEntry(ctx, call.Arguments[0].Value, call.Arguments[1].Value, ref names);
                    }
                    else if (method.Name is "UnsafePlainText" or "PlainText" && SymbolEqualityComparer.Default.Equals(method.ContainingType, secretValue)
                        && call.Arguments.Length >= 1 && Constant.TryGetString(call.Arguments[0].Value, out _))
                    {
                        ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK2005, call.Arguments[0].Value.Syntax.GetLocation(), "SecretValue." + method.Name + "(…)", "a secret"));
                    }
                },
                OperationKind.Invocation);

            context.RegisterOperationAction(
                ctx =>
                {
                    var creation = (IObjectCreationOperation)ctx.Operation;

                    // Compared as symbols resolved once: formatting every creation's type name allocated on each `new`.
                    var isSecret = secretValue is not null && SymbolEqualityComparer.Default.Equals(creation.Type, secretValue);
                    if (creation.Arguments.Length >= 1 && (isSecret || emailSubscription is not null && SymbolEqualityComparer.Default.Equals(creation.Type, emailSubscription))
                        && Constant.TryGetString(creation.Arguments[0].Value, out var text) && text.Length > 0)
                    {
                        var what = isSecret ? ("new SecretValue(…)", "a secret") : ("The e-mail subscription", "a personal e-mail address");
                        if (isSecret || !NoReply.IsMatch(text))
                        {
                            ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK2005, creation.Arguments[0].Value.Syntax.GetLocation(), what.Item1, what.Item2));
                        }
                    }
                },
                OperationKind.ObjectCreation);
        }

        private enum Kind
        {
            /// <summary>A dictionary of environment variables: a function's, a container's, an ecs-patterns task image's.</summary>
            Variables,

            /// <summary>CodeBuild's variables: <c>new BuildEnvironmentVariable { Value = …, Type = … }</c> per key.</summary>
            BuildVariables,

            /// <summary>An API Gateway API key's value.</summary>
            ApiKey,
        }

        /// <summary>
        /// The value of a CodeBuild variable stored as plain text (its <c>Type</c> unset or <c>PLAINTEXT</c>); null for a
        /// Parameter Store or Secrets Manager variable, whose value is the name or ARN that CodeBuild resolves.
        /// </summary>
        private static IOperation? PlaintextValue(IOperation variable, INamedTypeSymbol? type, System.Threading.CancellationToken cancellationToken)
        {
            var props = PropsReader.Read(variable, cancellationToken);
            if (!props.IsComplete)
            {
                return null;
            }

            var kind = props.ValueOf("Type");
            return kind is null || Constant.IsEnumMember(kind, type, "PLAINTEXT") ? props.ValueOf("Value") : null;
        }

        /// <summary>
        /// False when the same local dictionary (or the same helper's dictionary) is given to an earlier
        /// <c>Environment</c> in this method: its entries were reported there.
        /// </summary>
        private static bool IsFirstUse(ISimpleAssignmentOperation assignment)
        {
            var value = ConstructCreation.Unwrap(assignment.Value);
            if (value is not ILocalReferenceOperation and not IInvocationOperation)
            {
                return true;
            }

            foreach (var op in OperationTree.BodyOf(assignment))
            {
                if (op == assignment)
                {
                    return true;
                }

                if (op is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } other
                    && target.Property.Name == ((IPropertyReferenceOperation)assignment.Target).Property.Name
                    && SameSource(ConstructCreation.Unwrap(other.Value), value))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool SameSource(IOperation? a, IOperation b) => (a, b) switch
        {
            (ILocalReferenceOperation x, ILocalReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Local, y.Local),
            (IInvocationOperation x, IInvocationOperation y) => SymbolEqualityComparer.Default.Equals(x.TargetMethod, y.TargetMethod) && x.Arguments.Length == 0 && y.Arguments.Length == 0,
            _ => false,
        };

        private static void CheckEntry(OperationAnalysisContext context, IOperation? keyOperation, IOperation value, ref HashSet<string>? names)
        {
            if (!Constant.TryGetString(value, out var text) || text.Length == 0)
            {
                return; // tokens, lookups, parameters: not in source
            }

            Constant.TryGetString(keyOperation, out var key);
            string? kind = null;
            if (AccessKeyId.IsMatch(text) || text.Contains("PRIVATE KEY-----"))
            {
                kind = "a credential";
            }
            else if (Email.IsMatch(text) && !NoReply.IsMatch(text))
            {
                kind = "a personal e-mail address";
            }
            else if (key is not null && SensitiveKey.IsMatch(key) && !ReferenceKey.IsMatch(key) && !NotSecret.IsMatch(text.Trim()) && !LowerWord.IsMatch(text))
            {
                names ??= NamesDefinedNearby(value);
                if (!names.Contains(text))
                {
                    kind = "a credential";
                }
            }

            if (kind is not null)
            {
                var subject = key is null ? "An environment variable" : "Environment variable '" + key + "'";
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK2005, value.Syntax.GetLocation(), subject, kind));
            }
        }

        /// <summary>
        /// Names of secrets and parameters the surrounding code creates or imports (<c>SecretName</c>, <c>ParameterName</c>,
        /// <c>FromSecretNameV2(…, "name")</c>, <c>ValueForStringParameter(…, "name")</c>): an environment variable holding
        /// one is how the function finds the secret, not the secret itself.
        /// </summary>
        private static HashSet<string> NamesDefinedNearby(IOperation anywhere)
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var op in OperationTree.BodyOf(anywhere))
            {
                switch (op)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "SecretName" or "ParameterName" } } assignment
                        when Constant.TryGetString(assignment.Value, out var name):
                        names.Add(name);
                        break;
                    case IInvocationOperation { TargetMethod.Name: var method } call when method.StartsWith("FromSecretName", System.StringComparison.Ordinal)
                        || method.StartsWith("ValueFor", System.StringComparison.Ordinal) || method.StartsWith("FromString", System.StringComparison.Ordinal)
                        || method.StartsWith("FromSecureString", System.StringComparison.Ordinal):
                        foreach (var argument in call.Arguments)
                        {
                            if (argument.Parameter?.Type.SpecialType == SpecialType.System_String && argument.Parameter.Name != "id" && Constant.TryGetString(argument.Value, out var imported))
                            {
                                names.Add(imported);
                            }
                        }

                        break;
                }
            }

            return names;
        }
    }
}
