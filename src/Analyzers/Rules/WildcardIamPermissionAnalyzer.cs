using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Rules
{
    /// <summary>
    /// CDK2003. What a wildcard means depends on where the statement goes. In an identity policy, action `*` or
    /// `service:*` and resource `*` grant far more than code needs. In a resource policy, resource `*` means "this
    /// resource" and is fine, but a principal of everyone without a condition on the caller opens the resource to the
    /// world. Only Allow statements are judged (CDK's EnforceSSL statement is a Deny on `s3:*` for `*`), and a statement
    /// whose destination the analyzer cannot see is not judged at all.
    /// </summary>
    public sealed class WildcardIamPermissionAnalyzer : CdkAnalyzer
    {
        /// <summary>Condition keys that narrow who may call; <c>aws:SecureTransport</c> does not.</summary>
        private static readonly string[] CallerKeys = { "aws:PrincipalOrgID", "aws:PrincipalAccount", "aws:SourceAccount", "aws:SourceArn", "aws:SourceVpce", "aws:SourceVpc", "aws:SourceIp", "aws:PrincipalArn", "aws:SourceOrgID" };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CDK2003);

        internal override void OnCdkCompilationStart(RuleStartContext context, CdkSymbols symbols)
        {
            if (symbols.Type("Amazon.CDK.AWS.IAM.PolicyStatement") is not { } policyStatement)
            {
                return;
            }

            var managedPolicy = symbols.Type("Amazon.CDK.AWS.IAM.ManagedPolicy");
            var effect = symbols.Type("Amazon.CDK.AWS.IAM.Effect");
            context.RegisterOperationAction(
                ctx =>
                {
                    var creation = (IObjectCreationOperation)ctx.Operation;
                    if (SymbolEqualityComparer.Default.Equals(creation.Type, policyStatement))
                    {
                        var props = creation.Arguments.Length > 0 ? PropsReader.Read(creation.Arguments[0].Value, ctx.CancellationToken) : PropsView.None;
                        var statement = new Statement(props, ModificationsOf(creation, ctx.CancellationToken), effect);
                        Judge(ctx, statement, creation, props.ValueOf("Actions"), props.ValueOf("Resources"), props.ValueOf("NotActions") ?? props.ValueOf("NotResources"), props.ValueOf("Principals"));
                    }
                },
                OperationKind.ObjectCreation);

            context.RegisterOperationAction(
                ctx =>
                {
                    var call = (IInvocationOperation)ctx.Operation;
                    if (call.TargetMethod.Name == "FromAwsManagedPolicyName" && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, managedPolicy)
                        && call.Arguments.Length == 1 && Constant.TryGetString(call.Arguments[0].Value, out var name) && IamTables.IsBroadManagedPolicy(name))
                    {
                        ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK2003, call.Arguments[0].Value.Syntax.GetLocation(), "AWS managed policy '" + name + "'"));
                        return;
                    }

                    // `statement.AddActions("*")` and friends, judged against the statement they change.
                    if (!SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, policyStatement)
                        || ConstructCreation.Unwrap(call.Instance) is not ILocalReferenceOperation local
                        || FindCreation(local, policyStatement) is not { } creation)
                    {
                        return;
                    }

                    var props = creation.Arguments.Length > 0 ? PropsReader.Read(creation.Arguments[0].Value, ctx.CancellationToken) : PropsView.None;
                    var statement = new Statement(props, ModificationsOf(creation, ctx.CancellationToken), effect);
                    switch (call.TargetMethod.Name)
                    {
                        case "AddActions":
                            Judge(ctx, statement, creation, call.Arguments.Length > 0 ? call.Arguments[0].Value : null, null, null, null);
                            break;
                        case "AddResources":
                            Judge(ctx, statement, creation, null, call.Arguments.Length > 0 ? call.Arguments[0].Value : null, null, null);
                            break;
                        case "AddAllResources":
                            Judge(ctx, statement, creation, null, call, null, null);
                            break;
                        case "AddNotActions":
                        case "AddNotResources":
                            Judge(ctx, statement, creation, null, null, call, null);
                            break;
                        case "AddAnyPrincipal":
                        case "AddPrincipals":
                            Judge(ctx, statement, creation, null, null, null, call);
                            break;
                    }
                },
                OperationKind.Invocation);
        }

        private static void Judge(OperationAnalysisContext ctx, Statement statement, IObjectCreationOperation creation, IOperation? actions, IOperation? resources, IOperation? notValue, IOperation? principals)
        {
            if (!statement.IsAllow)
            {
                return;
            }

            var sink = PolicySinks.Of(creation, ctx.CancellationToken);
            var strict = CdkConfiguration.GetBool(ctx.Options, creation.Syntax.SyntaxTree, Descriptors.CDK2003.Id, OptionKeys.Strict, false);
            if (sink.Kind == SinkKind.Identity)
            {
                foreach (var (value, text) in Strings(actions))
                {
                    if (text == "*" || text.EndsWith(":*", System.StringComparison.Ordinal) || strict && text.Contains("*"))
                    {
                        ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK2003, value.Syntax.GetLocation(), "Action '" + text + "'"));
                    }
                }

                if (resources is IInvocationOperation { TargetMethod.Name: "AddAllResources" } all && !statement.AllActionsUnscoped)
                {
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK2003, all.Syntax.GetLocation(), "Resource '*'"));
                }

                foreach (var (value, text) in Strings(resources))
                {
                    if (text == "*" && !statement.AllActionsUnscoped || strict && text != "*" && text.Contains("*"))
                    {
                        ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK2003, value.Syntax.GetLocation(), "Resource '" + text + "'"));
                    }
                }

                if (strict)
                {
                    foreach (var element in Collections.Elements(resources))
                    {
                        if (element is IInvocationOperation { TargetMethod.Name: "ArnForObjects", Arguments.Length: 1 } objects
                            && Constant.TryGetString(objects.Arguments[0].Value, out var pattern) && pattern.Contains("*"))
                        {
                            ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK2003, element.Syntax.GetLocation(), "Resource pattern '" + pattern + "'"));
                        }
                    }
                }

                if (notValue is not null)
                {
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK2003, notValue.Syntax.GetLocation(), "NotActions/NotResources in an Allow statement"));
                }
            }
            else if (sink.Kind == SinkKind.Resource && !statement.NarrowsCaller && !HasConditionalDenySibling(creation, statement.EffectType, ctx.CancellationToken))
            {
                foreach (var principal in principals is IInvocationOperation { TargetMethod.Name: "AddAnyPrincipal" } ? new List<IOperation> { principals } : Collections.Elements(principals is IInvocationOperation add ? (add.Arguments.Length > 0 ? add.Arguments[0].Value : null) : principals))
                {
                    if (IsEveryone(principal))
                    {
                        ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.CDK2003, principal.Syntax.GetLocation(), "A principal of everyone without a condition on the caller"));
                    }
                }
            }
        }

        /// <summary>
        /// An Allow for everyone next to a Deny with a condition in the same statement list: the API Gateway idiom
        /// (allow `execute-api:Invoke` to `*`, deny it unless the caller's IP or VPC endpoint matches).
        /// </summary>
        private static bool HasConditionalDenySibling(IObjectCreationOperation creation, INamedTypeSymbol? effect, CancellationToken cancellationToken)
        {
            if (Collections.ContainingList(creation) is null)
            {
                return false;
            }

            foreach (var sibling in Collections.Siblings(creation, cancellationToken))
            {
                if (sibling is IObjectCreationOperation { Arguments.Length: > 0 } other && other != creation)
                {
                    var props = PropsReader.Read(other.Arguments[0].Value, cancellationToken);
                    if (Constant.IsEnumMember(props.ValueOf("Effect"), effect, "DENY") && props.TryGet("Conditions", out _))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsEveryone(IOperation principal)
            => ConstructCreation.Unwrap(principal) is IInvocationOperation { TargetMethod.Name: "AddAnyPrincipal" } || PolicyStatements.IsEveryone(principal);

        private static IEnumerable<(IOperation Value, string Text)> Strings(IOperation? value)
        {
            foreach (var element in Collections.Elements(value))
            {
                if (Constant.TryGetString(element, out var text))
                {
                    yield return (element, text);
                }
            }
        }

        private static IObjectCreationOperation? FindCreation(ILocalReferenceOperation local, INamedTypeSymbol policyStatement)
        {
            foreach (var op in OperationTree.BodyOf(local))
            {
                if (op is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local)
                    && ConstructCreation.Unwrap(declarator.Initializer?.Value) is IObjectCreationOperation creation
                    && SymbolEqualityComparer.Default.Equals(creation.Type, policyStatement))
                {
                    return creation;
                }
            }

            return null;
        }

        /// <summary>Calls that change the statement held in the local the creation initializes.</summary>
        private static List<IInvocationOperation> ModificationsOf(IObjectCreationOperation creation, CancellationToken cancellationToken)
        {
            var calls = new List<IInvocationOperation>();
            if (creation.Parent is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
            {
                return calls;
            }

            foreach (var op in OperationTree.BodyOf(creation))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (op is IInvocationOperation call && ConstructCreation.Unwrap(call.Instance) is ILocalReferenceOperation local
                    && SymbolEqualityComparer.Default.Equals(local.Local, declarator.Symbol))
                {
                    calls.Add(call);
                }
            }

            return calls;
        }

        /// <summary>One statement's effect, actions and conditions, from its props and the calls that change it.</summary>
        private sealed class Statement
        {
            public Statement(PropsView props, List<IInvocationOperation> modifications, INamedTypeSymbol? effectType)
            {
                // Allow is the default; an effect the analyzer cannot read (a parameter) is not judged.
                var effect = props.ValueOf("Effect");
                EffectType = effectType;
                IsAllow = effect is null || Constant.IsEnumMember(effect, effectType, "ALLOW");
                var actions = new List<string>();
                var unknownAction = false;
                foreach (var element in Collections.Elements(props.ValueOf("Actions")))
                {
                    if (Constant.TryGetString(element, out var action)) { actions.Add(action); } else { unknownAction = true; }
                }

                NarrowsCaller = NamesCaller(props.ValueOf("Conditions"));
                foreach (var call in modifications)
                {
                    switch (call.TargetMethod.Name)
                    {
                        case "AddActions":
                            foreach (var argument in call.Arguments)
                            {
                                foreach (var element in Collections.Elements(argument.Value))
                                {
                                    if (Constant.TryGetString(element, out var action)) { actions.Add(action); } else { unknownAction = true; }
                                }
                            }

                            break;
                        case "AddCondition":
                        case "AddConditions":
                            NarrowsCaller |= call.Arguments.Length > 0 && (call.Arguments.Length < 2 || NamesCaller(call.Arguments[1].Value)) || call.TargetMethod.Name == "AddConditions";
                            break;
                        case "AddFn":
                            break;
                    }
                }

                AllActionsUnscoped = actions.Count > 0 && !unknownAction && actions.TrueForAll(IamTables.IsUnscoped);
            }

            public bool IsAllow { get; }

            public INamedTypeSymbol? EffectType { get; }

            public bool AllActionsUnscoped { get; }

            /// <summary>A condition on a key that narrows who may call (or conditions the analyzer cannot read).</summary>
            public bool NarrowsCaller { get; }

            private static bool NamesCaller(IOperation? conditions)
            {
                if (conditions is null)
                {
                    return false;
                }

                foreach (var op in conditions.DescendantsAndSelf())
                {
                    if (Constant.TryGetString(op, out var key))
                    {
                        foreach (var caller in CallerKeys)
                        {
                            if (string.Equals(key, caller, System.StringComparison.OrdinalIgnoreCase))
                            {
                                return true;
                            }
                        }
                    }
                }

                // Conditions built elsewhere (a variable, a helper): given the benefit of the doubt.
                return ConstructCreation.Unwrap(conditions) is not IObjectCreationOperation;
            }
        }
    }
}
