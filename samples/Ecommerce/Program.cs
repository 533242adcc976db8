using Amazon.CDK;

namespace Ecommerce
{
    public sealed class Program
    {
        public static void Main(string[] args)
        {
            var app = new App();
            new EcommerceStack(app, "EcommerceStack", new StackProps
            {
                Description = "E-commerce catalogue: products API, product images CDN and admin notifications",
            });
            app.Synth();
        }
    }
}
