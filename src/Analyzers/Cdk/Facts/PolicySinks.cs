using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Cdk
{
    /// <summary>Where an IAM policy statement ends up: it decides what a wildcard means.</summary>
    internal enum SinkKind
    {
        /// <summary>Not seen: a statement whose destination is unknown is not judged.</summary>
        Unknown,

        /// <summary>An identity policy (role, user, group, policy, managed policy): `*` grants everything.</summary>
        Identity,

        /// <summary>A resource policy (bucket, queue, topic, key, API, trust policy): `*` as a resource means "this resource".</summary>
        Resource,
    }

    internal readonly struct Sink
    {
        public Sink(SinkKind kind, IInvocationOperation? attachCall = null)
        {
            Kind = kind;
            AttachCall = attachCall;
        }

        public SinkKind Kind { get; }

        /// <summary>For identity statements attached with <c>x.AddToRolePolicy(statement)</c> and friends: that call.</summary>
        public IInvocationOperation? AttachCall { get; }
    }

    /// <summary>
    /// Follows a <c>PolicyStatement</c> (or a <c>PolicyDocument</c> holding it) to where the code hands it to CDK: the
    /// method it is passed to, the props property it is assigned to, through locals in the same method.
    /// </summary>
    internal static class PolicySinks
    {
        private const int MaxDepth = 4;

        public static Sink Of(IOperation value, CancellationToken cancellationToken) => Of(value, 0, cancellationToken);

        private static Sink Of(IOperation value, int depth, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (depth > MaxDepth)
            {
                return default;
            }

            // Climb out of conversions and list values: `new[] { statement }`, `[statement]`.
            var current = Collections.OutermostList(value);

            switch (current.Parent)
            {
                case IArgumentOperation { Parent: IInvocationOperation call }:
                    return OfCall(call, depth, cancellationToken);
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment when assignment.Value == current:
                    return OfProperty(property.Property, assignment, depth, cancellationToken);
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return OfLocal(declarator.Symbol, current, depth, cancellationToken);
                default:
                    return default;
            }
        }

        private static Sink OfCall(IInvocationOperation call, int depth, CancellationToken cancellationToken)
        {
            switch (call.TargetMethod.Name)
            {
                case "AddToRolePolicy":
                case "AddToPolicy":
                case "AddToPrincipalPolicy":
                    return new Sink(SinkKind.Identity, call);
                case "Add" when call.Parent is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation dictionary } && call.Arguments.Length == 2:
                    // `InlinePolicies = new Dictionary<string, PolicyDocument> { { "name", document } }`
                    return Of(dictionary, depth + 1, cancellationToken);
                case "AddToResourcePolicy":
                    return new Sink(SinkKind.Resource);
                case "AddStatements":
                    var receiver = ConstructCreation.Unwrap(call.Instance);
                    var receiverType = receiver?.Type?.Name;
                    if (receiverType is "Policy" or "ManagedPolicy")
                    {
                        return new Sink(SinkKind.Identity);
                    }

                    // `role.AssumeRolePolicy.AddStatements(…)`, `bucketPolicy.Document.AddStatements(…)`
                    if (receiver is IPropertyReferenceOperation { Property.Name: "AssumeRolePolicy" or "Document" })
                    {
                        return new Sink(SinkKind.Resource);
                    }

                    return receiver is not null && receiverType == "PolicyDocument" ? DocumentSink(receiver, depth, cancellationToken) : default;
                default:
                    return default;
            }
        }

        private static Sink OfProperty(IPropertySymbol property, ISimpleAssignmentOperation assignment, int depth, CancellationToken cancellationToken)
        {
            var owner = property.ContainingType.Name;
            if (property.IsIndexer)
            {
                // `InlinePolicies = new Dictionary<string, PolicyDocument> { ["name"] = document }`
                return assignment.Parent is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation dictionary }
                    ? Of(dictionary, depth + 1, cancellationToken)
                    : default;
            }

            switch (property.Name)
            {
                case "Statements" when owner is "PolicyProps" or "ManagedPolicyProps":
                case "Document" when owner is "PolicyProps" or "ManagedPolicyProps":
                    return new Sink(SinkKind.Identity);
                case "Statements" when owner == "PolicyDocumentProps":
                    // The document's own destination: initializer → props creation → argument of `new PolicyDocument(…)`.
                    return assignment.Parent is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation props }
                        && SkipConversions(props).Parent is IArgumentOperation { Parent: IObjectCreationOperation document }
                        ? Of(document, depth + 1, cancellationToken)
                        : default;
                case "Policy" when owner is "KeyProps" or "RestApiProps" or "SpecRestApiProps" or "LambdaRestApiProps" or "StepFunctionsRestApiProps":
                case "PolicyDocument" when owner.StartsWith("Cfn", System.StringComparison.Ordinal) && owner.EndsWith("PolicyProps", System.StringComparison.Ordinal)
                    && owner is not "CfnPolicyProps" and not "CfnManagedPolicyProps":
                    return new Sink(SinkKind.Resource);
                case "InlinePolicies":
                    return new Sink(SinkKind.Identity);
                default:
                    return default;
            }
        }

        private static IOperation SkipConversions(IOperation operation)
        {
            while (operation.Parent is IConversionOperation conversion)
            {
                operation = conversion;
            }

            return operation;
        }

        private static Sink OfLocal(ILocalSymbol local, IOperation anywhere, int depth, CancellationToken cancellationToken)
        {
            foreach (var op in OperationTree.BodyOf(anywhere))
            {
                if (op is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                    && Of(reference, depth + 1, cancellationToken) is { Kind: not SinkKind.Unknown } sink)
                {
                    return sink;
                }
            }

            return default;
        }

        private static Sink DocumentSink(IOperation document, int depth, CancellationToken cancellationToken)
            => document is ILocalReferenceOperation local ? OfLocal(local.Local, local, depth + 1, cancellationToken) : default;

    }
}
