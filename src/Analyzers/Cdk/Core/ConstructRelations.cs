using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Cdk
{
    /// <summary>
    /// How constructs refer to each other inside one type (a stack, a construct): which object a value stands for (a
    /// local or a field assigned once, followed back to its <c>new X(…)</c> or factory call), and where an object is used
    /// (the references to the local or field that holds it). Rules that relate two constructs — a function and the API or
    /// queue that invokes it, a behaviour and its origin — read both directions through here.
    /// </summary>
    internal static class ConstructRelations
    {
        private const int MaxDepth = 6;

        /// <summary>
        /// The creation <paramref name="value"/> evaluates to: an object creation or a factory call (<c>Queue.FromQueueArn</c>,
        /// <c>S3BucketOrigin.WithOriginAccessControl</c>), through locals and fields of the same type (in the same file)
        /// that are assigned exactly once. Null when the value may be one of several objects, or comes from outside.
        /// </summary>
        public static IOperation? Resolve(IOperation? value, CancellationToken cancellationToken) => Resolve(value, 0, cancellationToken);

        private static IOperation? Resolve(IOperation? value, int depth, CancellationToken cancellationToken)
        {
            value = ConstructCreation.Unwrap(value);
            if (value is null || depth > MaxDepth)
            {
                return null;
            }

            switch (value)
            {
                case IObjectCreationOperation:
                case IInvocationOperation:
                    return value;
                case ILocalReferenceOperation local:
                    return SingleWrite(OperationTree.Root(local), local.Local, out var written) ? Resolve(written, depth + 1, cancellationToken) : null;
                case IFieldReferenceOperation { Field: var field }:
                    return Resolve(SingleMemberWrite(field, value, cancellationToken), depth + 1, cancellationToken);
                case IPropertyReferenceOperation { Property: { } property } when property.DeclaringSyntaxReferences.Length > 0:
                    return Resolve(SingleMemberWrite(property, value, cancellationToken), depth + 1, cancellationToken);
                default:
                    return null;
            }
        }

        /// <summary>
        /// The operations that use the object <paramref name="creation"/> makes: the creation itself when it is used in place,
        /// or every reference to the local, field or property it is stored in (within its type, in the same file).
        /// </summary>
        public static List<IOperation> Uses(IOperation creation, CancellationToken cancellationToken)
        {
            var node = Outermost(creation);

            var uses = new List<IOperation>();
            ISymbol? holder = node.Parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation l } assign when assign.Value == node => l.Local,
                ISimpleAssignmentOperation { Target: IFieldReferenceOperation f } assign when assign.Value == node => f.Field,
                ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.DeclaringSyntaxReferences.Length: > 0 } p } assign when assign.Value == node => p.Property,
                IFieldInitializerOperation fi when fi.InitializedFields.Length == 1 => fi.InitializedFields[0],
                IPropertyInitializerOperation pi when pi.InitializedProperties.Length == 1 => pi.InitializedProperties[0],
                _ => null,
            };
            if (holder is null && node.Parent is IReturnOperation && ReturningMethod(node, cancellationToken) is { } helper)
            {
                // A private helper that builds the object: it is used wherever the helper is called in its type.
                foreach (var root in TypeBodies(helper.ContainingType, creation, cancellationToken))
                {
                    foreach (var op in OperationTree.Descendants(root))
                    {
                        if (op is IInvocationOperation call && SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, helper))
                        {
                            uses.Add(Outermost(call));
                        }
                    }
                }

                return uses;
            }

            if (holder is null)
            {
                uses.Add(node);
                return uses;
            }

            var roots = holder is ILocalSymbol ? new[] { OperationTree.Root(creation) } : TypeBodies(holder.ContainingType, creation, cancellationToken);
            foreach (var root in roots)
            {
                foreach (var op in OperationTree.Descendants(root))
                {
                    if (ReferencedSymbol(op) is { } s && SymbolEqualityComparer.Default.Equals(s, holder) && !IsWriteTarget(op))
                    {
                        uses.Add(Outermost(op));
                    }
                }
            }

            return uses;
        }

        /// <summary>
        /// A value read inside a helper, seen from one of its calls: a parameter of the helper becomes the argument
        /// <paramref name="use"/> passes (a use found through <see cref="Uses"/> is such a call); anything else is kept.
        /// </summary>
        public static IOperation? AtCallSite(IOperation? value, IOperation use)
        {
            if (ConstructCreation.Unwrap(value) is IParameterReferenceOperation parameter && ConstructCreation.Unwrap(use) is IInvocationOperation call)
            {
                foreach (var argument in call.Arguments)
                {
                    if (SymbolEqualityComparer.Default.Equals(argument.Parameter?.OriginalDefinition, parameter.Parameter.OriginalDefinition))
                    {
                        return argument.Value;
                    }
                }
            }

            return value;
        }

        /// <summary>The operation bodies of every member of <paramref name="type"/> declared in the same file as <paramref name="anchor"/>.</summary>
        public static IEnumerable<IOperation> TypeBodies(INamedTypeSymbol? type, IOperation anchor, CancellationToken cancellationToken)
        {
            if (type is null || anchor.SemanticModel is not { } model)
            {
                yield break;
            }

            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree != model.SyntaxTree || reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
                {
                    continue;
                }

                foreach (var member in declaration.Members)
                {
                    SyntaxNode? body = member switch
                    {
                        BaseMethodDeclarationSyntax m => m,
                        FieldDeclarationSyntax f => f,
                        PropertyDeclarationSyntax p => p,
                        _ => null,
                    };
                    if (body is null)
                    {
                        continue;
                    }

                    if (body is FieldDeclarationSyntax field)
                    {
                        foreach (var variable in field.Declaration.Variables)
                        {
                            if (variable.Initializer is { } init && model.GetOperation(init, cancellationToken) is { } fieldOp)
                            {
                                yield return fieldOp;
                            }
                        }
                    }
                    else if (body is PropertyDeclarationSyntax { Initializer: { } propertyInit })
                    {
                        if (model.GetOperation(propertyInit, cancellationToken) is { } propertyOp)
                        {
                            yield return propertyOp;
                        }
                    }
                    else if (model.GetOperation(body, cancellationToken) is { } op)
                    {
                        yield return op;
                    }
                }
            }
        }

        /// <summary>
        /// The value as its user sees it: wrapped in the implicit conversion to the props interface or the parentheses
        /// around it, so the use's <c>Parent</c> is the assignment, argument or call that consumes it.
        /// </summary>
        private static IOperation Outermost(IOperation operation)
        {
            while (operation.Parent is IConversionOperation or IParenthesizedOperation)
            {
                operation = operation.Parent;
            }

            return operation;
        }

        /// <summary>The method whose only return statement returns <paramref name="returned"/>.</summary>
        private static IMethodSymbol? ReturningMethod(IOperation returned, CancellationToken cancellationToken)
        {
            var root = OperationTree.Root(returned);
            if (root.SemanticModel?.GetDeclaredSymbol(root.Syntax, cancellationToken) is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
            {
                return null;
            }

            var returns = 0;
            foreach (var op in OperationTree.Descendants(root))
            {
                if (op is IReturnOperation)
                {
                    returns++;
                }
            }

            return returns == 1 ? method : null;
        }

        private static bool SingleWrite(IOperation root, ILocalSymbol local, out IOperation? written)
        {
            written = null;
            var writes = 0;
            foreach (var op in OperationTree.Descendants(root))
            {
                switch (op)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        var init = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                        if (init is not null)
                        {
                            written = init;
                            writes++;
                        }

                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assign when SymbolEqualityComparer.Default.Equals(target.Local, local):
                        written = assign.Value;
                        writes++;
                        break;
                }
            }

            return writes == 1;
        }

        /// <summary>The one value a field or property of the type is given (initializer or one assignment), or null.</summary>
        private static IOperation? SingleMemberWrite(ISymbol member, IOperation anchor, CancellationToken cancellationToken)
        {
            IOperation? written = null;
            var writes = 0;
            foreach (var root in TypeBodies(member.ContainingType, anchor, cancellationToken))
            {
                if (root is IFieldInitializerOperation fi && fi.InitializedFields.Any(f => SymbolEqualityComparer.Default.Equals(f, member))
                    || root is IPropertyInitializerOperation pi && pi.InitializedProperties.Any(p => SymbolEqualityComparer.Default.Equals(p, member)))
                {
                    written = ((ISymbolInitializerOperation)root).Value;
                    writes++;
                    continue;
                }

                foreach (var op in OperationTree.Descendants(root))
                {
                    if (op is ISimpleAssignmentOperation assign && ReferencedSymbol(assign.Target) is { } target && SymbolEqualityComparer.Default.Equals(target, member))
                    {
                        written = assign.Value;
                        writes++;
                    }
                }
            }

            return writes == 1 ? written : null;
        }

        private static ISymbol? ReferencedSymbol(IOperation op) => op switch
        {
            ILocalReferenceOperation l => l.Local,
            IFieldReferenceOperation f => f.Field,
            IPropertyReferenceOperation p => p.Property,
            _ => null,
        };

        private static bool IsWriteTarget(IOperation op) => op.Parent is IAssignmentOperation assign && assign.Target == op;
    }
}
