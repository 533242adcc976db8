using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Cdk
{
    /// <summary>
    /// What the app writes into the resource policy of a bucket, queue or topic it creates: a TLS-only deny of its own
    /// (<c>AddToResourcePolicy</c>, or a <c>BucketPolicy</c> / <c>QueuePolicy</c> / <c>TopicPolicy</c> naming the resource),
    /// or any statement at all (which is what makes CDK 2.129–2.177 write a topic's <c>EnforceSSL</c> deny).
    /// </summary>
    internal static class ResourcePolicies
    {
        internal enum Kind
        {
            Bucket,
            Queue,
            Topic,
        }

        /// <summary>
        /// True when the app gives the resource created by <paramref name="creation"/> the deny CDK writes for
        /// <c>EnforceSSL = true</c>: for every principal, when <c>aws:SecureTransport</c> is false, every action of the
        /// service (a topic: <c>sns:Publish</c> too, the action cdk-nag's SNS3 looks for), on the resource's ARN (a bucket:
        /// the bucket and its objects).
        /// </summary>
        public static bool EnforcesTls(IOperation creation, Kind kind, CancellationToken cancellationToken)
        {
            if (OperationTree.HolderOf(creation) is not { } holder)
            {
                return false;
            }

            var body = OperationTree.BodyOf(creation);
            foreach (var op in body)
            {
                switch (op)
                {
                    case IInvocationOperation { TargetMethod.Name: "AddToResourcePolicy", Arguments.Length: 1 } add when OperationTree.Refers(add.Instance, holder):
                        if (IsTlsDeny(add.Arguments[0].Value, kind, holder, cancellationToken))
                        {
                            return true;
                        }

                        break;
                    case IObjectCreationOperation { Arguments.Length: 3 } policy when policy.Type?.Name == PolicyType(kind) && Names(policy, kind, holder, cancellationToken):
                        if (PolicyDeniesPlainHttp(policy, kind, holder, body, cancellationToken))
                        {
                            return true;
                        }

                        break;
                }
            }

            return false;
        }

        /// <summary>
        /// True when the app adds a statement of any kind to the resource policy of the topic (or queue) created by
        /// <paramref name="creation"/>: <c>AddToResourcePolicy</c>, a grant to a <c>ServicePrincipal</c>, an EventBridge
        /// <c>SnsTopic</c> / <c>SqsQueue</c> target, or an S3 notification destination, each of which writes a statement CDK
        /// then creates the policy for.
        /// </summary>
        public static bool AddsAnyStatement(IOperation creation, CancellationToken cancellationToken)
        {
            if (OperationTree.HolderOf(creation) is not { } holder)
            {
                return false;
            }

            foreach (var op in OperationTree.BodyOf(creation))
            {
                switch (op)
                {
                    case IInvocationOperation { TargetMethod.Name: "AddToResourcePolicy" } add when OperationTree.Refers(add.Instance, holder):
                        return true;

                    // A grant to a service principal lands in the resource policy (a grant to a role of the account
                    // goes to the role's own policy instead).
                    case IInvocationOperation { TargetMethod.Name: "GrantPublish" or "GrantSendMessages", Arguments.Length: 1 } grant when OperationTree.Refers(grant.Instance, holder)
                        && ConstructCreation.Unwrap(grant.Arguments[0].Value) is IObjectCreationOperation { Type.Name: "ServicePrincipal" }:
                        return true;
                    case IObjectCreationOperation { Type.Name: "SnsTopic" or "SnsDestination" or "SqsQueue" or "SqsDestination", Arguments.Length: > 0 } target
                        when OperationTree.Refers(target.Arguments[0].Value, holder):
                        return true;
                }
            }

            return false;
        }

        private static string PolicyType(Kind kind) => kind switch
        {
            Kind.Bucket => "BucketPolicy",
            Kind.Queue => "QueuePolicy",
            _ => "TopicPolicy",
        };

        /// <summary>`BucketPolicyProps.Bucket = b`, `QueuePolicyProps.Queues = new[] { q }`, `TopicPolicyProps.Topics = …`.</summary>
        private static bool Names(IObjectCreationOperation policy, Kind kind, ISymbol holder, CancellationToken cancellationToken)
        {
            var props = PropsReader.Read(policy.Arguments[2].Value, cancellationToken);
            if (kind == Kind.Bucket)
            {
                return OperationTree.Refers(props.ValueOf("Bucket"), holder);
            }

            foreach (var target in Collections.Elements(props.ValueOf(kind == Kind.Queue ? "Queues" : "Topics"), cancellationToken))
            {
                if (OperationTree.Refers(target, holder))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The policy's <c>Document</c> statements, and <c>policy.Document.AddStatements(…)</c> after it.</summary>
        private static bool PolicyDeniesPlainHttp(IObjectCreationOperation policy, Kind kind, ISymbol resource, ImmutableArray<IOperation> body, CancellationToken cancellationToken)
        {
            if (ConstructRelations.Resolve(PropsReader.Read(policy.Arguments[2].Value, cancellationToken).ValueOf("Document"), cancellationToken) is IObjectCreationOperation { Arguments.Length: > 0 } document)
            {
                foreach (var statement in Collections.Elements(PropsReader.Read(document.Arguments[0].Value, cancellationToken).ValueOf("Statements"), cancellationToken))
                {
                    if (IsTlsDeny(statement, kind, resource, cancellationToken))
                    {
                        return true;
                    }
                }
            }

            if (OperationTree.HolderOf(policy) is not { } holder)
            {
                return false;
            }

            foreach (var op in body)
            {
                if (op is IInvocationOperation { TargetMethod.Name: "AddStatements", Instance: IPropertyReferenceOperation { Property.Name: "Document", Instance: var owner } } add
                    && OperationTree.Refers(owner, holder))
                {
                    foreach (var argument in add.Arguments)
                    {
                        foreach (var statement in Collections.Elements(argument.Value, cancellationToken))
                        {
                            if (IsTlsDeny(statement, kind, resource, cancellationToken))
                            {
                                return true;
                            }
                        }
                    }
                }
            }

            return false;
        }

        private static bool IsTlsDeny(IOperation statement, Kind kind, ISymbol resource, CancellationToken cancellationToken)
        {
            var resources = kind switch
            {
                Kind.Bucket => PolicyStatements.TlsOnlyDenyResources(statement, "s3", cancellationToken),
                Kind.Queue => PolicyStatements.TlsOnlyDenyResources(statement, "sqs", cancellationToken),
                _ => PolicyStatements.TlsOnlyDenyResources(statement, "sns", cancellationToken, action: "sns:Publish"),
            };
            return resources is not null && (kind == Kind.Bucket ? CoversBucket(resources, resource) : CoversArn(resources, resource, kind == Kind.Queue ? "QueueArn" : "TopicArn"));
        }

        /// <summary>`queue.QueueArn`, `topic.TopicArn`, or `"*"`.</summary>
        private static bool CoversArn(List<IOperation> resources, ISymbol holder, string arnProperty)
        {
            foreach (var resource in resources)
            {
                if (ConstructCreation.Unwrap(resource) is IPropertyReferenceOperation arn && arn.Property.Name == arnProperty && OperationTree.Refers(arn.Instance, holder)
                    || Constant.TryGetString(resource, out var text) && text == "*")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Resources that name the bucket itself (<c>BucketArn</c>) and its objects (<c>ArnForObjects("*")</c>, <c>$"{BucketArn}/*"</c>).</summary>
        private static bool CoversBucket(List<IOperation> resources, ISymbol bucket)
        {
            bool itself = false, objects = false;
            foreach (var resource in resources)
            {
                switch (resource)
                {
                    case IPropertyReferenceOperation { Property.Name: "BucketArn" } arn when OperationTree.Refers(arn.Instance, bucket):
                        itself = true;
                        break;
                    case IInvocationOperation { TargetMethod.Name: "ArnForObjects", Arguments.Length: 1 } call when OperationTree.Refers(call.Instance, bucket)
                        && Constant.TryGetString(call.Arguments[0].Value, out var pattern) && pattern == "*":
                        objects = true;
                        break;
                    case IInterpolatedStringOperation { Parts.Length: 2 } text
                        when text.Parts[0] is IInterpolationOperation { Expression: IPropertyReferenceOperation { Property.Name: "BucketArn" } arn } && OperationTree.Refers(arn.Instance, bucket)
                        && text.Parts[1] is IInterpolatedStringTextOperation { Text: var tail } && Constant.TryGetString(tail, out var rest) && rest == "/*":
                        objects = true;
                        break;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, LeftOperand: var left, RightOperand: var right }
                        when ConstructCreation.Unwrap(left) is IPropertyReferenceOperation { Property.Name: "BucketArn" } arn && OperationTree.Refers(arn.Instance, bucket)
                        && Constant.TryGetString(right, out var suffix) && suffix == "/*":
                        objects = true;
                        break;
                }
            }

            return itself && objects;
        }
    }
}
