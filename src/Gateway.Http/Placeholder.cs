namespace Gateway.Http; internal static class Placeholder {}
