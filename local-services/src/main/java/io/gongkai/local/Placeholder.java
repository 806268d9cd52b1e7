package io.gongkai.local; class Placeholder {}
