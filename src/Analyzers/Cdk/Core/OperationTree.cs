using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Cdk
{
    internal static class OperationTree
    {
        private static readonly ConditionalWeakTable<IOperation, Flattened> DescendantsCache = new();

        /// <summary>
        /// Every operation below <paramref name="operation"/>, in the order of Roslyn's <c>Descendants()</c>, computed once
        /// per operation and shared: many rules look through the same method body (a local's assignments, a helper's
        /// returns, a bucket's policies), and the driver hands every analyzer the same operation tree. Scanning the array
        /// measured several times cheaper than walking the tree again for each question.
        /// </summary>
        public static ImmutableArray<IOperation> Descendants(IOperation operation)
        {
            if (!DescendantsCache.TryGetValue(operation, out var flattened))
            {
                flattened = DescendantsCache.GetValue(operation, static o => new Flattened(Flatten(o)));
            }

            return flattened.Operations;
        }

        // Working lists of Flatten, one set per thread (the driver runs callbacks on several threads; Flatten does not
        // call itself): only the result array is allocated per body, at its final size.
        [System.ThreadStatic]
        private static List<IOperation>? t_result;

        [System.ThreadStatic]
        private static List<IOperation>? t_pending;

        [System.ThreadStatic]
        private static List<IOperation>? t_children;

        /// <summary>
        /// Pre-order, children in order, like Roslyn's <c>Descendants()</c>, but with a plain stack instead of a chain of
        /// iterators, so that deep trees (long concatenations) neither recurse nor allocate an enumerator per node.
        /// Children are read forwards and pushed backwards: reading them forwards measured faster than Roslyn's reversed
        /// enumeration (308-operation constructor body: 0.11 ms against 0.16 ms a flatten).
        /// </summary>
        private static ImmutableArray<IOperation> Flatten(IOperation root)
        {
            var result = t_result ??= new List<IOperation>();
            var pending = t_pending ??= new List<IOperation>();
            var children = t_children ??= new List<IOperation>();
            try
            {
                PushChildren(pending, children, root);
                while (pending.Count > 0)
                {
                    var last = pending.Count - 1;
                    var current = pending[last];
                    pending.RemoveAt(last);
                    result.Add(current);
                    PushChildren(pending, children, current);
                }

                return ImmutableArray.CreateRange(result);
            }
            finally
            {
                // Emptied even when the walk throws, so that the next flatten on this thread starts clean and the
                // lists hold no operations of an old compilation.
                result.Clear();
                pending.Clear();
                children.Clear();
            }
        }

        private static void PushChildren(List<IOperation> pending, List<IOperation> children, IOperation operation)
        {
            children.Clear();
            foreach (var child in operation.ChildOperations)
            {
                children.Add(child);
            }

            for (var i = children.Count - 1; i >= 0; i--)
            {
                pending.Add(children[i]);
            }
        }

        /// <summary>The descendants of the root of <paramref name="operation"/>'s tree (its whole method body).</summary>
        public static ImmutableArray<IOperation> BodyOf(IOperation operation) => Descendants(Root(operation));

        /// <summary>The outermost operation (the method, constructor or field-initializer body) holding <paramref name="operation"/>.</summary>
        public static IOperation Root(IOperation operation)
        {
            var current = operation;
            while (current.Parent is { } parent)
            {
                current = parent;
            }

            return current;
        }

        public static IOperation? EnclosingBlock(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IBlockOperation)
                {
                    return current;
                }
            }

            return null;
        }

        /// <summary>True when <paramref name="operation"/> reads the static property or field <paramref name="member"/> of <paramref name="type"/>.</summary>
        public static bool IsStaticMember(IOperation? operation, INamedTypeSymbol? type, string member)
        {
            ISymbol? symbol = ConstructCreation.Unwrap(operation) switch
            {
                IPropertyReferenceOperation p when p.Instance is null => p.Property,
                IFieldReferenceOperation f when f.Instance is null => f.Field,
                _ => null,
            };
            return symbol is not null && symbol.Name == member && SymbolEqualityComparer.Default.Equals(symbol.ContainingType, type);
        }

        /// <summary>
        /// The one `return` of a helper method declared in the same file as the call (`private static FunctionProps
        /// Defaults() => …`): where props built by a helper come from. Null for helpers elsewhere or with several returns.
        /// </summary>
        public static IReturnOperation? SingleReturn(IInvocationOperation invocation, System.Threading.CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod;
            if (method.DeclaringSyntaxReferences.Length != 1 || invocation.SemanticModel is not { } model
                || method.DeclaringSyntaxReferences[0].SyntaxTree != invocation.Syntax.SyntaxTree
                || method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax declaration
                || model.GetOperation(declaration, cancellationToken) is not { } body)
            {
                return null;
            }

            IReturnOperation? single = null;
            foreach (var op in Descendants(body))
            {
                if (op is IReturnOperation ret)
                {
                    if (single is not null)
                    {
                        return null;
                    }

                    single = ret;
                }
            }

            return single;
        }

        /// <summary>The local or field a creation is stored in.</summary>
        public static ISymbol? HolderOf(IOperation creation)
            => creation.Parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } => local.Local,
                ISimpleAssignmentOperation { Target: IFieldReferenceOperation field } => field.Field,
                IConversionOperation conversion => HolderOf(conversion),
                _ => null,
            };

        public static bool Refers(IOperation? operation, ISymbol holder)
            => ConstructCreation.Unwrap(operation) switch
            {
                ILocalReferenceOperation l => SymbolEqualityComparer.Default.Equals(l.Local, holder),
                IFieldReferenceOperation f => SymbolEqualityComparer.Default.Equals(f.Field, holder),
                _ => false,
            };

        private sealed class Flattened
        {
            public Flattened(ImmutableArray<IOperation> operations) => Operations = operations;

            public ImmutableArray<IOperation> Operations { get; }
        }
    }
}
