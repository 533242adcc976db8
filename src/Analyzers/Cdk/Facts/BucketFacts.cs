using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Cdk
{
    /// <summary>What the code says about an S3 bucket beyond its props: is it a website, is it meant to be public.</summary>
    internal static class BucketFacts
    {
        /// <summary>S3 website hosting: website endpoints serve HTTP only and are public by design.</summary>
        public static bool IsWebsite(PropsView props)
            => props.TryGet("WebsiteIndexDocument", out _) || props.TryGet("WebsiteRedirect", out _) || props.TryGet("WebsiteRoutingRules", out _);

        /// <summary>
        /// A bucket the code makes public on purpose: public read access, website hosting, <c>GrantPublicAccess</c>, or an
        /// Allow statement for every principal added to its resource policy. Blocking public access would break it.
        /// </summary>
        public static bool IsDeliberatelyPublic(PropsView props, IOperation? creation, CancellationToken cancellationToken)
        {
            if (Constant.TryGetBool(props.ValueOf("PublicReadAccess"), out var publicRead) && publicRead || IsWebsite(props))
            {
                return true;
            }

            var holder = creation is null ? null : OperationTree.HolderOf(creation);
            if (holder is null)
            {
                return false;
            }

            foreach (var op in OperationTree.BodyOf(creation!))
            {
                if (op is IInvocationOperation { TargetMethod.Name: "GrantPublicAccess" or "AddToResourcePolicy" } call && OperationTree.Refers(call.Instance, holder)
                    && (call.TargetMethod.Name == "GrantPublicAccess" || call.Arguments.Length == 1 && AllowsEveryone(call.Arguments[0].Value, cancellationToken)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The construct creation whose props object holds <paramref name="assignment"/>, if it is in view.</summary>
        public static IOperation? CreationOf(ISimpleAssignmentOperation assignment)
        {
            ILocalSymbol? local = null;
            switch (assignment.Parent)
            {
                case IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation props }:
                    if (props.Parent is IArgumentOperation { Parent: { } owner })
                    {
                        return owner;
                    }

                    if (props.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
                    {
                        local = declarator.Symbol;
                    }

                    break;
                case IExpressionStatementOperation when assignment.Target is IPropertyReferenceOperation { Instance: ILocalReferenceOperation reference }:
                    local = reference.Local;
                    break;
            }

            if (local is null)
            {
                return null;
            }

            foreach (var op in OperationTree.BodyOf(assignment))
            {
                if (op is IArgumentOperation { Parent: IObjectCreationOperation or IInvocationOperation } argument
                    && ConstructCreation.Unwrap(argument.Value) is ILocalReferenceOperation passed && SymbolEqualityComparer.Default.Equals(passed.Local, local))
                {
                    return argument.Parent;
                }
            }

            return null;
        }

        /// <summary>An Allow PolicyStatement whose principals include everyone (AnyPrincipal, StarPrincipal, ArnPrincipal("*")).</summary>
        private static bool AllowsEveryone(IOperation statement, CancellationToken cancellationToken)
        {
            if (ConstructCreation.Unwrap(statement) is not IObjectCreationOperation { Arguments.Length: > 0 } creation)
            {
                return false;
            }

            var props = PropsReader.Read(creation.Arguments[0].Value, cancellationToken);
            var effect = props.ValueOf("Effect");
            if (effect is not null && !Constant.IsEnumMember(effect, PolicyStatements.EffectType(creation), "ALLOW"))
            {
                return false;
            }

            foreach (var principal in Collections.Elements(props.ValueOf("Principals"), cancellationToken))
            {
                if (PolicyStatements.IsEveryone(principal))
                {
                    return true;
                }
            }

            return false;
        }

    }
}
