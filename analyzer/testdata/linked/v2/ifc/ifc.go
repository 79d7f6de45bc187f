// Package ifc declares the store interfaces that the service calls.
package ifc

import "context"

// Tags has one implementation, store.Tags, in a package that the service
// does not import.
type Tags interface {
	Update(ctx context.Context, cond, set map[string]interface{}) error
}

// Notes has two: store.Notes and memnotes.Notes.
type Notes interface {
	Put(ctx context.Context, cond, set map[string]interface{}) error
}
