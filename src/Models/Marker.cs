namespace FashionBench.Models; public static class Marker {}
