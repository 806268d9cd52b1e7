package io.gongkai.validate; class Placeholder {}
