namespace Gateway.EntityFramework; internal static class Placeholder {}
